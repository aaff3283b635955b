using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.Modules;

namespace Workbench.Training.Engine;

/// <summary>
/// What a kind of training brings to the <see cref="TrainingEngine"/>: a model with its optimisers (the main one first,
/// then auxiliary ones such as a codec's quantile optimiser) and rounds of optimisation steps (an operator's epochs, a
/// codec's blocks of steps). The engine owns the run folder, metrics.jsonl, checkpoints, resume, signals and the summary.
/// A task must draw everything random from its seed and the round or step, or from a generator it lists in
/// <see cref="Generators"/> (whose state the checkpoint carries), so that a run resumed from a checkpoint continues exactly
/// as the uninterrupted one.
/// </summary>
public interface ITrainingTask : IDisposable
{
    string Name { get; }

    long Seed { get; }

    /// <summary>What one round is called in metrics.jsonl and the summary ("epoch", "round").</summary>
    string RoundName { get; }

    /// <summary>The number of the first round: 1, or 0 for a task whose round 0 measures its starting point.</summary>
    int FirstRound => 1;

    /// <summary>The number of the last round.</summary>
    int Rounds { get; }

    /// <summary>Rounds between two saves of checkpoints/last.ckpt (the last round is always saved).</summary>
    int CheckpointEvery { get; }

    torch.nn.Module Model { get; }

    IReadOnlyList<OptimizerHelper> Optimizers { get; }

    /// <summary>Random generators whose draws carry across rounds; their states are saved with the checkpoint and restored on resume.</summary>
    IReadOnlyList<torch.Generator> Generators => [];

    /// <summary>What the checkpoint carries so the model can be rebuilt without the training data.</summary>
    JsonObject Spec { get; }

    /// <summary>The metric of a round's line that picks checkpoints/best.ckpt; null: the task keeps no best checkpoint.</summary>
    RoundSelection? Selection { get; }

    /// <summary>The data the task trains on, for the summary.</summary>
    string DataDescription { get; }

    /// <summary>The command that continues a stopped run in <paramref name="root"/>, for the line that reports the stop.</summary>
    string ContinueCommand(string root) => $"workbench train --resume {root}";

    /// <summary>
    /// Runs round <paramref name="round"/> from optimisation step <paramref name="step"/> and returns the step count after
    /// it with the round's metrics; calls <see cref="RoundContext.AfterStep"/> after every step.
    /// </summary>
    RoundResult Run(int round, long step, RoundContext context);
}

/// <summary>A round's metric and whether a higher value is better.</summary>
public sealed record RoundSelection(string Key, bool HigherIsBetter);

/// <summary>
/// The step count after a round, its learning rate (the main optimiser's last), its metrics and, for the round's line
/// only, values that are not single numbers (per-sample arrays).
/// </summary>
public sealed record RoundResult(long Step, double LearningRate, IReadOnlyList<KeyValuePair<string, double>> Metrics, JsonObject? Details = null);

/// <summary>
/// What the engine gives a round: where to report progress, and <see cref="AfterStep"/>, which ends the run at a step
/// boundary when a stop signal came.
/// </summary>
public sealed record RoundContext(Core.Progress.IProgressSink Progress, Action<int> AfterStep);
