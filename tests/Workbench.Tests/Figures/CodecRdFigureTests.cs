using System.Globalization;
using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Figures.Recipes;

namespace Workbench.Tests.Figures;

public sealed class CodecRdFigureTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("wb-codec-rd-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private void Recipe(string results, double maxBpp) =>
        Write("rd.json", $$"""
            { "name": "rd", "builder": "codec-rd", "seed": 0,
              "full": { "results": "{{results}}", "max_bpp": {{maxBpp.ToString(CultureInfo.InvariantCulture)}} },
              "quick": { "results": "{{results}}", "max_bpp": {{maxBpp.ToString(CultureInfo.InvariantCulture)}} } }
            """);

    private void Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Each_codec_is_a_series_ordered_by_rate_without_the_points_above_the_rate_limit()
    {
        Write("measured/codec-rd.json", Curves(("ours", [0.5, 0.2], [30.0, 27.0]), ("jpeg", [0.3, 1.4, 0.9], [25.0, 34.0, 32.0])));
        Recipe("measured/codec-rd.json", maxBpp: 1.0);

        new FigureCatalog(_work).Render(["rd"], quick: false, Path.Combine(_work, "out"), images: false);

        var rows = File.ReadAllLines(Path.Combine(_work, "out", "rd", "psnr-vs-bpp.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["ours,0.2,27", "ours,0.5,30", "jpeg,0.3,25", "jpeg,0.9,32"],
            rows.Select(r => $"{r[0]},{double.Parse(r[1], CultureInfo.InvariantCulture)},{double.Parse(r[2], CultureInfo.InvariantCulture)}"));
    }

    [Fact]
    public void A_curve_with_more_rates_than_psnrs_is_an_error_naming_the_codec()
    {
        Write("measured/codec-rd.json", Curves(("webp", [0.1, 0.2], [25.0])));
        Recipe("measured/codec-rd.json", maxBpp: 2);
        var e = Assert.Throws<WorkbenchException>(() => new FigureCatalog(_work).Render(["rd"], quick: true, Path.Combine(_work, "out"), images: false));
        Assert.Contains("'webp' has 2 rates but 1 PSNRs", e.Message);
    }

    [Fact]
    public void A_missing_results_file_is_a_user_error_naming_it()
    {
        Recipe("nowhere.json", maxBpp: 1);
        var e = Assert.Throws<WorkbenchException>(() => new FigureCatalog(_work).Render(["rd"], quick: true, Path.Combine(_work, "out"), images: false));
        Assert.Contains("nowhere.json", e.Message);
    }

    private static string Curves(params (string Codec, double[] Bpp, double[] Psnr)[] curves)
    {
        var all = new JsonObject();
        foreach (var (codec, bpp, psnr) in curves)
            all[codec] = new JsonObject
            {
                ["settings"] = new JsonArray(bpp.Select((_, i) => (JsonNode)i).ToArray()),
                ["bpp"] = new JsonArray(bpp.Select(v => (JsonNode)v).ToArray()),
                ["psnr"] = new JsonArray(psnr.Select(v => (JsonNode)v).ToArray()),
            };
        return new JsonObject { ["curves"] = all }.ToJsonString();
    }
}
