using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Figures.Charts;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>
/// Score against parameter count per model, one chart per signal, from the files <c>workbench inr compare --json</c>
/// wrote (each result's signal, model, parameters and final score). Both modes read the measured files: the figure
/// reports the comparison runs, it does not make them.
/// </summary>
public sealed class InrBudgetFigure : IFigureBuilder
{
    public sealed record Parameters(string[] Results);

    public string Name => "inr-budgets";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        var results = p.Results.SelectMany(file => Results(Path.Combine(recipe.Folder, file))).ToList();
        return results.GroupBy(r => r.Signal).Select(signal =>
        {
            var metric = signal.First().Metric;
            var series = signal.GroupBy(r => r.Model)
                .Select(model => model.OrderBy(r => r.Parameters).ToList())
                .Select(points => new Series(points[0].Model, points.Select(r => r.Parameters).ToList(), points.Select(r => r.Score).ToList()))
                .ToList();
            return CurveCharts.Lines($"{signal.Key}-{metric}-vs-parameters", $"{signal.Key}: {MetricLabels.Display(metric)} vs parameters",
                "trainable parameters", MetricLabels.Display(metric), series, logX: true);
        }).ToList();
    }

    private sealed record Result(string Signal, string Model, double Parameters, string Metric, double Score);

    private static IEnumerable<Result> Results(string path)
    {
        if (!File.Exists(path)) throw new WorkbenchException($"{path}: INR results not found (run the command named in experiments/results/README.md)");
        var results = JsonNode.Parse(File.ReadAllText(path))?["results"]?.AsArray()
                      ?? throw new WorkbenchException($"{path}: no 'results' array");
        return results.Select(r => new Result(
            (string?)r!["signal"] ?? throw new WorkbenchException($"{path}: a result without 'signal'"),
            (string?)r["model"] ?? throw new WorkbenchException($"{path}: a result without 'model'"),
            (double?)r["parameters"] ?? throw new WorkbenchException($"{path}: a result without 'parameters'"),
            (string?)r["metric"] ?? throw new WorkbenchException($"{path}: a result without 'metric'"),
            (double?)r["score"] ?? throw new WorkbenchException($"{path}: a result without 'score'")));
    }
}
