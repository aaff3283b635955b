using System.Globalization;
using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Figures.Recipes;

namespace Workbench.Tests.Figures;

public sealed class BenchSpeedupFigureTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("wb-speedup-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Recipe(string results) =>
        Write("speed.json", $$"""
            { "name": "speed", "builder": "bench-speedup", "seed": 0,
              "full": { "results": "{{results}}", "names": ["fast_step"], "size_parameter": "grid", "title": "t" },
              "quick": { "results": "{{results}}", "names": ["fast_step"], "size_parameter": "grid", "title": "t" } }
            """);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Speedup_is_the_inverse_of_each_measured_ratio_ordered_by_size()
    {
        var results = new JsonObject
        {
            ["results"] = new JsonArray(
                Result("slow_step", "128x128", null),
                Result("fast_step", "128x128", 0.2),
                Result("fast_step", "64x64", 0.5))
        };
        Directory.CreateDirectory(Path.Combine(_work, "measured"));
        Write("measured/bench.json", results.ToJsonString());
        Recipe("measured/bench.json");
        new FigureCatalog(_work).Render(["speed"], quick: true, Path.Combine(_work, "out"));
        var rows = File.ReadAllLines(Path.Combine(_work, "out", "speed", "speedup.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["64", "128"], rows.Select(r => r[1]));
        Assert.Equal([2.0, 5.0], rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)));
        Assert.All(rows, r => Assert.Equal("fast_step vs slow_step", r[0]));
    }

    [Fact]
    public void A_missing_results_file_is_a_user_error_naming_it()
    {
        Recipe("nowhere.json");
        var e = Assert.Throws<WorkbenchException>(() => new FigureCatalog(_work).Render(["speed"], quick: true, Path.Combine(_work, "out")));
        Assert.Contains("nowhere.json", e.Message);
    }

    private static JsonObject Result(string name, string grid, double? ratio) => new()
    {
        ["name"] = name, ["params"] = new JsonObject { ["grid"] = grid }, ["value"] = 1.0, ["unit"] = "ms",
        ["peer"] = ratio is null ? null : "slow_step", ["peer_value"] = null, ["ratio"] = ratio,
    };
}
