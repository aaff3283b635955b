using System.Globalization;
using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Figures.Charts;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>
/// Speed-up of a model over its peer (peer time / our time, from the ratios a <c>workbench bench ... --json</c> run
/// measured side by side) against one size parameter of the measurement. Both modes read the measured file: the figure
/// reports a measurement, it does not make one.
/// </summary>
public sealed class BenchSpeedupFigure : IFigureBuilder
{
    public sealed record Parameters(string Results, string[] Names, string SizeParameter, string Title, string? SizeLabel = null);

    public string Name => "bench-speedup";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        var path = Path.Combine(recipe.Folder, p.Results);
        if (!File.Exists(path)) throw new WorkbenchException($"{path}: bench results not found (run the bench command named in experiments/results/README.md)");
        var results = JsonNode.Parse(File.ReadAllText(path))?["results"]?.AsArray()
                      ?? throw new WorkbenchException($"{path}: no 'results' array");
        var series = new List<Series>();
        foreach (var name in p.Names)
        {
            var points = results
                .Where(r => (string?)r!["name"] == name && r!["ratio"] is not null)
                .Select(r => (Size: Size(r!["params"]![p.SizeParameter], path), Speedup: 1 / (double)r!["ratio"]!))
                .OrderBy(point => point.Size)
                .ToList();
            if (points.Count == 0) throw new WorkbenchException($"{path}: no measurement '{name}' with a peer ratio");
            var peer = (string?)results.First(r => (string?)r!["name"] == name)!["peer"];
            series.Add(new Series($"{name} vs {peer}", points.Select(x => x.Size).ToList(), points.Select(x => x.Speedup).ToList()));
        }
        return [CurveCharts.LogLog("speedup", p.Title, p.SizeLabel ?? p.SizeParameter, "speed-up (peer time / time)", series)];
    }

    /// <summary>A number, or a grid "NxM" read as N.</summary>
    private static double Size(JsonNode? value, string path) => value switch
    {
        JsonValue v when v.TryGetValue<double>(out var number) => number,
        JsonValue v when v.TryGetValue<string>(out var text) &&
                         double.TryParse(text.Split('x')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var side) => side,
        _ => throw new WorkbenchException($"{path}: size parameter '{value}' is neither a number nor a grid NxM"),
    };
}
