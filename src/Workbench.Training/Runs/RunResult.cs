using System.Text.Json.Nodes;
using Workbench.Core.Errors;

namespace Workbench.Training.Runs;

/// <summary>
/// What a results table needs from one finished run: its summary.json and the test split of its evaluation of one
/// checkpoint (eval-last.json or eval-best.json; an older eval.json counts where its "checkpoint" field names that one).
/// </summary>
public sealed record RunResult(string Folder, string Name, string Model, long Seed, long Parameters, int Epochs,
    double SecondsPerEpoch, string Data, IReadOnlyDictionary<string, double> Test)
{
    public static RunResult Read(string folder, string checkpoint = "last")
    {
        var run = new RunFolder(folder);
        if (!File.Exists(run.SummaryPath)) throw new WorkbenchException($"{run.Root}: no summary.json (is the run finished?)");
        var evalPath = EvaluationOf(run, checkpoint) ?? throw new WorkbenchException(
            $"{run.Root}: no evaluation of its {checkpoint} checkpoint (run 'workbench eval {folder} --checkpoint {checkpoint}' first)");
        var summary = Parse(run.SummaryPath);
        var eval = Parse(evalPath);
        var config = Parse(run.ConfigPath);
        if (eval["test"] is not JsonObject test) throw new WorkbenchException($"{evalPath}: no test metrics (the experiment has no test split)");

        var epochs = Required(summary, "epochs", run.SummaryPath).GetValue<int>();
        return new RunResult(
            run.Root,
            Required(summary, "name", run.SummaryPath).GetValue<string>(),
            config["model"]?["kind"]?.GetValue<string>() ?? "?",
            Required(summary, "seed", run.SummaryPath).GetValue<long>(),
            Required(summary, "parameters", run.SummaryPath).GetValue<long>(),
            epochs,
            Required(summary, "wall_seconds", run.SummaryPath).GetValue<double>() / Math.Max(1, epochs),
            summary["data"]?.GetValue<string>() ?? "",
            test.ToDictionary(p => p.Key, p => p.Value!.GetValue<double>()));
    }

    private static string? EvaluationOf(RunFolder run, string checkpoint)
    {
        var path = run.EvalPathFor(checkpoint);
        if (File.Exists(path)) return path;
        if (!File.Exists(run.LegacyEvalPath)) return null;
        return Parse(run.LegacyEvalPath)["checkpoint"]?.GetValue<string>() == Path.GetFileName(run.CheckpointNamed(checkpoint))
            ? run.LegacyEvalPath
            : null;
    }

    private static JsonObject Parse(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new WorkbenchException($"{path}: expected a JSON object");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new WorkbenchException($"{path}: malformed JSON ({e.Message})");
        }
        catch (FileNotFoundException)
        {
            throw new WorkbenchException($"{path}: missing");
        }
    }

    private static JsonNode Required(JsonObject node, string field, string path) =>
        node[field] ?? throw new WorkbenchException($"{path}: field '{field}' missing");
}
