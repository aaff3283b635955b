using System.Globalization;
using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Figures.Charts;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>
/// Verification scores against lead time, one chart per score and one series per method, from a
/// <c>workbench nowcast verify</c> JSON (a number per score) or its seed summary by experiments/results/collect_radar.py
/// (the mean over seeds is drawn). Both modes read the measured file: the figure reports the verification run.
/// </summary>
public sealed class NowcastSkillFigure : IFigureBuilder
{
    public sealed record Parameters(string Results, string[] Scores);

    public string Name => "nowcast-skill";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        var path = Path.Combine(recipe.Folder, p.Results);
        if (!File.Exists(path)) throw new WorkbenchException($"{path}: verification results not found (run the command named in experiments/results/README.md)");
        var methods = JsonNode.Parse(File.ReadAllText(path))?["methods"]?.AsObject()
                      ?? throw new WorkbenchException($"{path}: no 'methods' object");
        return p.Scores.Select(score =>
        {
            var series = methods.Select(method =>
            {
                var leads = method.Value!.AsObject().Where(group => group.Key.StartsWith("lead_", StringComparison.Ordinal))
                    .Select(group => (Lead: (double)int.Parse(group.Key["lead_".Length..], CultureInfo.InvariantCulture), Value: Value(group.Value?[score], path, $"{method.Key}.{group.Key}.{score}")))
                    .OrderBy(point => point.Lead).ToList();
                return new Series(method.Key, leads.Select(l => l.Lead).ToList(), leads.Select(l => l.Value).ToList());
            }).ToList();
            return CurveCharts.Lines($"{score}-vs-lead", $"{MetricLabels.Display(score)} vs lead time", "lead time (frames)", MetricLabels.Display(score), series);
        }).ToList();
    }

    /// <summary>A score, or the mean of a seed summary; a score undefined for a lead (null) is drawn as a gap.</summary>
    private static double Value(JsonNode? node, string path, string name) => node switch
    {
        null => double.NaN,
        JsonValue value => (double)value,
        JsonObject summary when summary["mean"] is var mean => mean is null ? double.NaN : (double)mean,
        _ => throw new WorkbenchException($"{path}: {name} is neither a number nor a {{mean, std}} summary"),
    };
}
