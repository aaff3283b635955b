using System.Globalization;
using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Figures.Recipes;

namespace Workbench.Tests.Figures;

public sealed class InrBudgetFigureTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("wb-inr-budgets-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private void Recipe(params string[] results)
    {
        var list = string.Join(", ", results.Select(r => $"\"{r}\""));
        Write("budgets.json", $$"""
            { "name": "budgets", "builder": "inr-budgets", "seed": 0,
              "full": { "results": [{{list}}] }, "quick": { "results": [{{list}}] } }
            """);
    }

    private void Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Each_signal_gets_a_chart_with_one_series_per_model_ordered_by_parameters()
    {
        Write("measured/big.json", Results(("camera", "nstr", 800, 40.0), ("camera", "siren", 790, 30.0), ("bach", "nstr", 800, 20.0)));
        Write("measured/small.json", Results(("camera", "nstr", 50, 25.0), ("camera", "siren", 49, 22.0)));
        Recipe("measured/big.json", "measured/small.json");

        new FigureCatalog(_work).Render(["budgets"], quick: false, Path.Combine(_work, "out"), images: false);

        var rows = File.ReadAllLines(Path.Combine(_work, "out", "budgets", "camera-psnr-vs-parameters.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["nstr,50,25", "nstr,800,40", "siren,49,22", "siren,790,30"],
            rows.Select(r => $"{r[0]},{double.Parse(r[1], CultureInfo.InvariantCulture)},{double.Parse(r[2], CultureInfo.InvariantCulture)}"));
        Assert.True(File.Exists(Path.Combine(_work, "out", "budgets", "bach-psnr-vs-parameters.csv")));
    }

    [Fact]
    public void A_missing_results_file_is_a_user_error_naming_it()
    {
        Recipe("nowhere.json");
        var e = Assert.Throws<WorkbenchException>(() => new FigureCatalog(_work).Render(["budgets"], quick: true, Path.Combine(_work, "out"), images: false));
        Assert.Contains("nowhere.json", e.Message);
    }

    private static string Results(params (string Signal, string Model, int Parameters, double Score)[] results) =>
        new JsonObject
        {
            ["results"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["model"] = r.Model, ["budget"] = r.Parameters, ["parameters"] = r.Parameters, ["signal"] = r.Signal,
                ["metric"] = "psnr", ["score"] = r.Score,
            }).ToArray()),
        }.ToJsonString();
}
