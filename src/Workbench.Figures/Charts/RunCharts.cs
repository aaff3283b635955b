using System.Text.Json.Nodes;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Charts;

/// <summary>Figures of a training run drawn from its metrics.jsonl lines.</summary>
public static class RunCharts
{
    private static readonly HashSet<string> NotCurves = ["epoch", "step", "lr", "seconds", "threads"];

    /// <summary>Every logged loss/metric against epoch, log-scaled (PSNR-like metrics stay positive too).</summary>
    public static Figure TrainingCurves(string runName, IReadOnlyList<JsonObject> metrics)
    {
        var epochs = metrics.Select(m => (double)m["epoch"]!).ToArray();
        var names = metrics.SelectMany(m => m.Select(p => p.Key)).Where(k => !NotCurves.Contains(k)).Distinct().Order(StringComparer.Ordinal);
        var series = names
            .Select(name => new Series(MetricLabels.Display(name), epochs, metrics.Select(m => m[name] is { } v ? (double)v : double.NaN).ToArray()))
            .ToList();
        return CurveCharts.Lines("training-curves", $"{runName}: training curves", "epoch", "loss or metric", series, logY: true);
    }
}
