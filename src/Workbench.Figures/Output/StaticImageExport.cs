using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.ImageExport;
using PuppeteerSharp;

namespace Workbench.Figures.Output;

/// <summary>
/// PNG and SVG rendering through a local headless Chromium (Debian's /usr/bin/chromium). Nothing is downloaded:
/// where no browser is installed, <see cref="Available"/> is false and figures are written as HTML + CSV only.
/// </summary>
public static class StaticImageExport
{
    private static readonly object Gate = new();

    public static string? BrowserPath { get; } =
        Environment.GetEnvironmentVariable("WORKBENCH_CHROMIUM") is { Length: > 0 } custom && File.Exists(custom) ? custom
        : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome" }.FirstOrDefault(File.Exists);

    public static bool Available => BrowserPath is not null;

    /// <summary>Writes basePath.png and basePath.svg (each rendered to a temporary name, then renamed); returns the paths.</summary>
    public static IReadOnlyList<string> Save(GenericChart chart, string basePath, int width = 900, int height = 600)
    {
        if (BrowserPath is null) return [];
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(basePath))!, $".{Path.GetFileName(basePath)}.{Guid.NewGuid():N}");
        lock (Gate)
        {
            PuppeteerSharpRendererOptions.localBrowserExecutablePath = FSharpOption<string>.Some(BrowserPath);
            PuppeteerSharpRendererOptions.launchOptions = new LaunchOptions
            {
                Headless = true,
                ExecutablePath = BrowserPath,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
            };
            var w = FSharpOption<int>.Some(width);
            var h = FSharpOption<int>.Some(height);
            try
            {
                chart.SavePNG(temporary, null, w, h);
                chart.SaveSVG(temporary, null, w, h);
                foreach (var extension in new[] { ".png", ".svg" }) File.Move(temporary + extension, basePath + extension, overwrite: true);
            }
            finally
            {
                foreach (var extension in new[] { ".png", ".svg" }) Workbench.Core.IO.AtomicFile.TryDelete(temporary + extension);
            }
        }
        return [basePath + ".png", basePath + ".svg"];
    }
}
