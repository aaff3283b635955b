using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Core.IO;

namespace Workbench.Training.Runs;

/// <summary>
/// The layout of a run: config.json, metrics.jsonl, summary.json, checkpoints/{last,best}.ckpt, eval-{last,best}.json,
/// figures/.
/// Every file is replaced atomically; metrics.jsonl is rewritten whole so a crash never leaves a partial line.
/// </summary>
public sealed class RunFolder(string root)
{
    public string Root { get; } = Path.GetFullPath(root);
    public string ConfigPath => Path.Combine(Root, "config.json");
    public string MetricsPath => Path.Combine(Root, "metrics.jsonl");
    public string SummaryPath => Path.Combine(Root, "summary.json");
    /// <summary>The evaluation of checkpoints/{which}.ckpt ("best" or "last").</summary>
    public string EvalPathFor(string which) => Path.Combine(Root, $"eval-{CheckpointName(which)}.json");

    /// <summary>Where older versions wrote every evaluation; its "checkpoint" field says which one it holds.</summary>
    public string LegacyEvalPath => Path.Combine(Root, "eval.json");
    public string CheckpointsDir => Path.Combine(Root, "checkpoints");
    public string LastCheckpoint => Path.Combine(CheckpointsDir, "last.ckpt");
    public string BestCheckpoint => Path.Combine(CheckpointsDir, "best.ckpt");

    /// <summary>The checkpoint a user names: "best" or "last".</summary>
    public string CheckpointNamed(string which) => Path.Combine(CheckpointsDir, $"{CheckpointName(which)}.ckpt");

    private static string CheckpointName(string which) => which is "best" or "last"
        ? which
        : throw new ArgumentOutOfRangeException(nameof(which), which, "expected 'best' or 'last'");
    public string FiguresDir => Path.Combine(Root, "figures");

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public void Create()
    {
        Directory.CreateDirectory(CheckpointsDir);
        Directory.CreateDirectory(FiguresDir);
    }

    public IReadOnlyList<JsonObject> ReadMetrics() =>
        File.Exists(MetricsPath)
            ? File.ReadAllLines(MetricsPath).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList()
            : [];

    public void WriteMetrics(IEnumerable<JsonObject> lines) =>
        AtomicFile.WriteAllText(MetricsPath, string.Concat(lines.Select(l => l.ToJsonString() + "\n")));

    public void WriteJson(string path, JsonNode node) => AtomicFile.WriteAllText(path, node.ToJsonString(Json) + "\n");
}
