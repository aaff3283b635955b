using System.Diagnostics;
using Workbench.Figures.Charts;
using Workbench.Figures.Output;

namespace Workbench.Tests.Figures;

public sealed class OfflineRenderingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-render-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [ChromiumFact]
    public void FigurePageRendersWithNetworkDisabledAndExportsImages()
    {
        var figure = CurveCharts.LogLog("decay", "Decay", "k", "E", [new Series("k^-2", [1.0, 2.0, 4.0, 8.0], [1.0, 0.25, 0.0625, 0.015625])]);
        var files = figure.Save(_folder, images: true);
        Assert.Equal(4, files.Count);

        var png = File.ReadAllBytes(Path.Combine(_folder, "decay.png"));
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(_folder, "decay.svg")));

        // An unreachable proxy stands in for "no network": the page must draw from its embedded plotly.js.
        var dom = Chromium("--headless", "--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
            "--disable-background-networking", "--virtual-time-budget=10000", "--dump-dom", "file://" + files[0]);
        Assert.Contains("main-svg", dom);
        Assert.Contains("k^-2", dom);
    }

    [ChromiumFact]
    public async Task IndexPageShowsEveryFigureOffline()
    {
        var recipes = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", "..", "experiments", "figures"));
        new Workbench.Figures.Recipes.FigureCatalog(recipes).Render(["spright-success", "spright-ising"], quick: true, _folder);

        await using var browser = await PuppeteerSharp.Puppeteer.LaunchAsync(new PuppeteerSharp.LaunchOptions
        {
            Headless = true,
            ExecutablePath = StaticImageExport.BrowserPath,
            Args = ["--no-sandbox", "--disable-gpu", "--allow-file-access-from-files", "--disable-background-networking"],
        });
        await using var page = await browser.NewPageAsync();
        await page.SetOfflineModeAsync(true);
        await page.GoToAsync("file://" + Path.Combine(_folder, "index.html"), 60_000, [PuppeteerSharp.WaitUntilNavigation.Load]);
        const string drawn = "Array.from(document.querySelectorAll('iframe')).filter(f => f.contentDocument && f.contentDocument.querySelector('.main-svg')).length";
        var frames = await page.EvaluateExpressionAsync<int>("document.querySelectorAll('iframe').length");
        var rendered = 0;
        for (var attempt = 0; attempt < 100 && rendered < frames; attempt++)
        {
            rendered = await page.EvaluateExpressionAsync<int>(drawn);
            if (rendered < frames) await Task.Delay(200);
        }
        Assert.Equal(2, frames);
        Assert.Equal(frames, rendered);

        // Every title (figure, axes, subplots) lies inside its frame: nothing clipped.
        const string titles = """
            Array.from(document.querySelectorAll('iframe')).map(f => {
              const w = f.contentWindow.innerWidth, h = f.contentWindow.innerHeight;
              return Array.from(f.contentDocument.querySelectorAll('svg text'))
                .filter(t => /^(g|x[0-9]*|y[0-9]*)title$/.test(t.getAttribute('class') || ''))
                .map(t => { const r = t.getBoundingClientRect();
                            const inside = r.left >= 0 && r.top >= 0 && r.right <= w && r.bottom <= h;
                            return (inside ? 'inside' : 'clipped') + ' ' + f.title + ': ' + t.textContent; });
            }).flat()
            """;
        var found = await page.EvaluateExpressionAsync<string[]>(titles);
        Assert.Equal(2 * 3, found.Length);
        Assert.All(found, t => Assert.StartsWith("inside ", t));
    }

    private static string Chromium(params string[] arguments)
    {
        var start = new ProcessStartInfo(StaticImageExport.BrowserPath!, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "chromium did not finish");
        return output.Result;
    }
}
