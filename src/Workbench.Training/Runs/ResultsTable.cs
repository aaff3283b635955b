using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Workbench.Training.Runs;

/// <summary>
/// Groups finished runs by experiment name and reports each test metric as mean +- sample standard deviation (n - 1)
/// over the group's seeds, with parameter count and mean seconds per epoch.
/// </summary>
public sealed class ResultsTable
{
    public sealed record Row(string Name, string Model, long[] Seeds, long Parameters, int Epochs, double SecondsPerEpoch,
        IReadOnlyDictionary<string, (double Mean, double Std)> Test, string Data);

    public IReadOnlyList<Row> Rows { get; }
    public IReadOnlyList<string> Metrics { get; }
    public string Checkpoint { get; }

    /// <param name="checkpoint">Which checkpoint's evaluation the runs hold: "last" or "best".</param>
    public ResultsTable(IEnumerable<RunResult> runs, string checkpoint = "last")
    {
        Checkpoint = checkpoint;
        var all = runs.ToList();
        // A seed counted twice would pass for two independent runs and shrink the spread.
        var duplicate = all.GroupBy(r => (r.Name, r.Seed)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new Workbench.Core.Errors.WorkbenchException(
                $"results: {duplicate.Key.Name} has seed {duplicate.Key.Seed} in {duplicate.Count()} runs; give each seed once");
        Metrics = all.SelectMany(r => r.Test.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        Rows = all.GroupBy(r => r.Name)
            .Select(g => new Row(
                g.Key,
                g.First().Model,
                g.Select(r => r.Seed).Order().ToArray(),
                g.First().Parameters,
                g.First().Epochs,
                g.Average(r => r.SecondsPerEpoch),
                Metrics.Where(m => g.All(r => r.Test.ContainsKey(m))).ToDictionary(m => m, m => MeanStd(g.Select(r => r.Test[m]).ToList())),
                g.First().Data))
            .OrderBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    public static (double Mean, double Std) MeanStd(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        var std = values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1)) : 0.0;
        return (mean, std);
    }

    public string ToMarkdown(string title, string command)
    {
        var text = new StringBuilder();
        text.AppendLine($"# {title}").AppendLine();
        text.AppendLine($"Written by `{command}` from the run folders it names; test metrics come from each run's `eval-{Checkpoint}.json`");
        text.AppendLine($"(its checkpoints/{Checkpoint}.ckpt),");
        text.AppendLine("reported as mean +- sample standard deviation over seeds. Seconds per epoch include validation.").AppendLine();
        text.Append("| experiment | model | seeds | parameters | epochs | s / epoch |");
        foreach (var metric in Metrics) text.Append($" test {metric} |");
        text.AppendLine();
        text.Append("|---|---|---|---:|---:|---:|");
        foreach (var _ in Metrics) text.Append("---|");
        text.AppendLine();
        foreach (var row in Rows)
        {
            text.Append($"| {row.Name} | {row.Model} | {string.Join(",", row.Seeds)} | {row.Parameters:N0} | {row.Epochs} | {Format(row.SecondsPerEpoch, "F1")} |");
            foreach (var metric in Metrics)
                text.Append(row.Test.TryGetValue(metric, out var v) ? $" {Format(v.Mean, "G4")} +- {Format(v.Std, "G2")} |" : " - |");
            text.AppendLine();
        }
        text.AppendLine();
        foreach (var data in Rows.Select(r => r.Data).Distinct()) text.AppendLine($"Data: {data}");
        return text.ToString();
    }

    public JsonObject ToJson()
    {
        var rows = new JsonArray();
        foreach (var row in Rows)
        {
            var test = new JsonObject();
            foreach (var (metric, (mean, std)) in row.Test) test[metric] = new JsonObject { ["mean"] = mean, ["std"] = std };
            rows.Add(new JsonObject
            {
                ["name"] = row.Name, ["model"] = row.Model, ["seeds"] = new JsonArray(row.Seeds.Select(s => (JsonNode)s).ToArray()),
                ["parameters"] = row.Parameters, ["epochs"] = row.Epochs, ["seconds_per_epoch"] = row.SecondsPerEpoch,
                ["test"] = test, ["data"] = row.Data,
            });
        }
        return new JsonObject { ["checkpoint"] = Checkpoint, ["rows"] = rows };
    }

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
