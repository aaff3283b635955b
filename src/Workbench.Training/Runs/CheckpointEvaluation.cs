using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Training.Engine;

namespace Workbench.Training.Runs;

/// <summary>
/// A run's checkpoint evaluated on the validation split and, where the experiment has one, the test split, and stored
/// as eval-last.json or eval-best.json: {"checkpoint", "epoch", "validation": {metric: value}, "test": {...}}.
/// </summary>
public static class CheckpointEvaluation
{
    public static JsonObject Evaluate(TrainedRun trained, OpenedData data, string which, torch.Device device)
    {
        var (loaded, state) = trained.LoadModel(which, device);
        using var model = loaded;
        var report = new JsonObject { ["checkpoint"] = Path.GetFileName(trained.Folder.CheckpointNamed(which)), ["epoch"] = state.Epoch };
        foreach (var (name, range) in new[] { ("validation", data.Splits.Validation), ("test", data.Splits.Test) }.Where(s => s.Item2.Count > 0))
        {
            var node = new JsonObject();
            foreach (var (key, value) in Evaluator.Evaluate(model, data.Source, range, trained.Config, device)) node[key] = value;
            report[name] = node;
        }
        trained.Folder.WriteJson(trained.Folder.EvalPathFor(which), report);
        return report;
    }

    /// <summary>The metrics of one split of a report, in the report's order.</summary>
    public static IEnumerable<(string Metric, double Value)> Metrics(JsonObject report, string split) =>
        report[split] is JsonObject metrics ? metrics.Select(m => (m.Key, m.Value!.GetValue<double>())) : [];
}
