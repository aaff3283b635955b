namespace Workbench.Training.Sweeps;

/// <summary>
/// Generates shard <c>Index</c> of <c>Count</c> into its own file (the whole dataset when Count is 1). The generator
/// writes a temporary file and renames it, so the file exists only when the shard is complete.
/// </summary>
public sealed class ShardTask(GenerateStage stage, int index, string path, IReadOnlyList<string> global) : SweepTask
{
    public int Index { get; } = index;
    public string OutputPath { get; } = path;

    public override string Id => $"shard-{Index}";

    public override TaskState State() => File.Exists(OutputPath) ? TaskState.Finished : TaskState.Missing;

    public override IReadOnlyList<string[]> StepsToFinish()
    {
        if (State() == TaskState.Finished) return [];
        string[] shard = stage.Shards > 1 ? ["--shard", $"{Index}/{stage.Shards}"] : [];
        return [[.. global, "--seed", stage.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), "datasets", "generate", stage.Kind, .. stage.Args, .. shard, "--out", OutputPath]];
    }
}
