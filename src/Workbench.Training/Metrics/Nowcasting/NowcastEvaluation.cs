using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Workbench.Core.Progress;
using Workbench.Data.Sources;
using Workbench.Data.Splits;
using Workbench.Training.Engine;
using static TorchSharp.torch;

namespace Workbench.Training.Metrics.Nowcasting;

/// <summary>A named forecaster: input frames [B, T_in, H, W] to forecasts [B, T_out, H, W], VIL pixels.</summary>
public sealed record NowcastMethod(string Name, Func<Tensor, Tensor> Forecast);

/// <summary>
/// Scores several forecasters on the same samples with <see cref="NowcastVerification"/>; forecasts are clamped to the
/// VIL range 0..255 before scoring. The result lists, per method, the scores of every lead time and of all leads.
/// </summary>
public static class NowcastEvaluation
{
    public static readonly string[] TableMetrics =
        ["csi_m", "csi_16", "csi_74", "csi_133", "csi_160", "csi_181", "csi_219", "csi_m_pool4", "csi_m_pool16", "pod_181", "far_181", "hss_m", "rmse", "ssim"];

    public static JsonObject Evaluate(ISampleSource source, SampleRange range, IReadOnlyList<NowcastMethod> methods, int batchSize, IProgressSink progress)
    {
        var leads = (int)source.TargetShape[0];
        var verifications = methods.Select(_ => new NowcastVerification(leads)).ToArray();
        var batches = Batches.InOrder(range, batchSize).ToList();
        for (var b = 0; b < batches.Count; b++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = source.Load(batches[b]);
            for (var m = 0; m < methods.Count; m++)
            {
                using (no_grad()) verifications[m].Add(methods[m].Forecast(x).detach().to(ScalarType.Float32).clamp(0, 255), y);
            }
            progress.Report("verify", b + 1, batches.Count);
        }

        var result = new JsonObject
        {
            ["convention"] = NowcastVerification.Convention + "; forecasts clamped to 0..255",
            ["data"] = source.Description,
            ["samples"] = range.Count,
            ["first_sample"] = range.Start,
        };
        var byMethod = new JsonObject();
        for (var m = 0; m < methods.Count; m++)
        {
            var node = new JsonObject();
            foreach (var lead in verifications[m].Scores())
            {
                var scores = new JsonObject();
                foreach (var (name, value) in lead.Values) scores[name] = double.IsFinite(value) ? value : null;
                node[lead.Lead == 0 ? "all" : $"lead_{lead.Lead}"] = scores;
            }
            byMethod[methods[m].Name] = node;
        }
        result["methods"] = byMethod;
        return result;
    }

    /// <summary>Markdown tables: all-lead scores of every method, then each headline metric per lead time.</summary>
    public static string Markdown(JsonObject result)
    {
        var methods = result["methods"]!.AsObject();
        var text = new StringBuilder();
        text.AppendLine($"Samples: {result["samples"]} from {result["data"]} (first index {result["first_sample"]}).");
        text.AppendLine();
        text.AppendLine($"Conventions: {result["convention"]}.");
        text.AppendLine();
        text.AppendLine("## All lead times");
        text.AppendLine();
        text.AppendLine("| method | " + string.Join(" | ", TableMetrics) + " |");
        text.AppendLine("|---|" + string.Concat(TableMetrics.Select(_ => "---|")));
        foreach (var (name, node) in methods)
            text.AppendLine($"| {name} | " + string.Join(" | ", TableMetrics.Select(k => Format(node!["all"]![k]))) + " |");
        var leadKeys = methods.First().Value!.AsObject().Select(p => p.Key).Where(k => k != "all").ToList();
        foreach (var metric in new[] { "csi_m", "csi_181", "csi_219", "csi_m_pool16", "hss_m", "rmse", "ssim" })
        {
            text.AppendLine();
            text.AppendLine($"## {metric} per lead time");
            text.AppendLine();
            text.AppendLine("| method | " + string.Join(" | ", leadKeys.Select(k => k.Replace("lead_", "t+"))) + " |");
            text.AppendLine("|---|" + string.Concat(leadKeys.Select(_ => "---|")));
            foreach (var (name, node) in methods)
                text.AppendLine($"| {name} | " + string.Join(" | ", leadKeys.Select(k => Format(node![k]![metric]))) + " |");
        }
        return text.ToString();
    }

    private static string Format(JsonNode? value) =>
        value is null ? "n/a" : value.GetValue<double>().ToString("0.0000", CultureInfo.InvariantCulture);
}
