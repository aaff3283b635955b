using System.Globalization;
using Workbench.Training.Runs;

namespace Workbench.Training.Sweeps;

/// <summary>
/// Trains one experiment variant with one seed into its run folder, then evaluates it. Finished once the folder holds
/// eval-last.json; a folder with its config.json resumes (from checkpoints/last.ckpt, or from the first epoch when the
/// run was stopped before one was written); a trained but unevaluated run is only evaluated.
/// </summary>
public sealed class TrainTask(string variant, string config, long seed, string runDir, IReadOnlyList<string> global) : SweepTask
{
    public string Variant { get; } = variant;
    public long Seed { get; } = seed;
    public RunFolder Run { get; } = new(runDir);

    public override string Id => $"{Variant}/seed-{Seed}";

    public override TaskState State() =>
        File.Exists(Run.EvalPathFor("last")) ? TaskState.Finished
        : File.Exists(Run.ConfigPath) ? TaskState.Resumable
        : TaskState.Missing;

    public override IReadOnlyList<string[]> StepsToFinish()
    {
        string[] eval = [.. global, "eval", runDir];
        switch (State())
        {
            case TaskState.Finished:
                return [];
            case TaskState.Resumable:
                return File.Exists(Run.SummaryPath) ? [eval] : [[.. global, "train", "--resume", runDir], eval];
            default:
                // Without config.json the trainer never started writing: whatever is there is not worth keeping.
                if (Directory.Exists(runDir)) Directory.Delete(runDir, recursive: true);
                return [[.. global, "--seed", Seed.ToString(CultureInfo.InvariantCulture), "train", config, "--out", runDir], eval];
        }
    }
}
