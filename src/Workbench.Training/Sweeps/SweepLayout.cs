namespace Workbench.Training.Sweeps;

/// <summary>
/// The sweep's folder: sweep.json (the sweep as submitted), configs/ (each experiment variant as it trains),
/// shards/, runs/VARIANT/seed-S/, logs/ (one per array task and collection job) and submit.sh.
/// Paths stay relative when the folder is given relative: jobs run in the folder the sweep was expanded from.
/// </summary>
public sealed class SweepLayout(string root)
{
    public string Root { get; } = root;
    public string SweepPath => Path.Combine(Root, "sweep.json");
    public string SubmitScript => Path.Combine(Root, "submit.sh");
    public string LogsDir => Path.Combine(Root, "logs");
    public string ConfigFor(string variant) => Path.Combine(Root, "configs", variant + ".json");
    public string RunsDir => Path.Combine(Root, "runs");
    public string RunFor(string variant, long seed) => Path.Combine(RunsDir, variant, $"seed-{seed}");
    public string Shard(int index, int count) => Path.Combine(Root, "shards", $"shard-{index}-of-{count}.h5");
}
