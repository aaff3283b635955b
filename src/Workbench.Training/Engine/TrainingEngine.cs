using System.Diagnostics;
using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Core.Progress;
using Workbench.Core.Runtime;
using Workbench.Training.Runs;

namespace Workbench.Training.Engine;

/// <summary>
/// Runs an <see cref="ITrainingTask"/> into a run folder: config.json written once, one metrics.jsonl line per round,
/// checkpoints/last.ckpt (every <see cref="ITrainingTask.CheckpointEvery"/> rounds and at the end) and best.ckpt with
/// the model, every optimiser's state and the step count the schedules are functions of, so a resumed run continues
/// bit for bit on the CPU; SIGINT/SIGTERM stop it at a step boundary, a time budget after a round (saved, resumable).
/// </summary>
/// <param name="deviceRequest">What chose <paramref name="device"/> (the command line or the config), for the summary.</param>
public sealed class TrainingEngine(torch.Device device, IProgressSink progress, string? deviceRequest = null)
{
    /// <summary>
    /// Trains <paramref name="task"/> in <paramref name="run"/>; a new run writes <paramref name="configJson"/> as its
    /// config.json, a resumed one continues from checkpoints/last.ckpt (from its first round when there is none yet).
    /// <paramref name="maxSeconds"/> ends the run after the round that reaches that much training time in this call.
    /// </summary>
    public JsonObject Run(ITrainingTask task, RunFolder run, bool resume, string configJson, double? maxSeconds = null)
    {
        if (!resume) StartFolder(run, configJson);
        using var runLock = RunLock.Acquire(run.Root);
        using var stopListener = StopRequest.Listen();
        var (state, history) = Restore(task, run, resume);
        var clock = Stopwatch.StartNew();
        string? stoppedBy = null;

        for (var round = state.Epoch + 1; round <= task.Rounds; round++)
        {
            var roundClock = Stopwatch.StartNew();
            var before = state;
            var result = task.Run(round, state.Step, new RoundContext(progress,
                stepInRound => StopRequest.ThrowIfRequested(() => StoppedState(task, run, before, round, stepInRound))));
            var improved = Improved(task.Selection, result, state.BestValue, out var score);
            state = new TrainingState(round, result.Step, improved ? score : state.BestValue, improved ? round : state.BestEpoch);

            var line = new JsonObject { [task.RoundName] = round, ["step"] = result.Step, ["lr"] = result.LearningRate };
            foreach (var (name, value) in result.Metrics) line[name] = value;
            foreach (var (name, value) in result.Details ?? []) line[name] = value!.DeepClone();
            line["seconds"] = roundClock.Elapsed.TotalSeconds;
            line["threads"] = torch.get_num_threads();
            history.Add(line);
            var outOfTime = clock.Elapsed.TotalSeconds >= (maxSeconds ?? double.PositiveInfinity) && round < task.Rounds;
            // Metrics before checkpoints: a run killed in between resumes from the older checkpoint and redoes this
            // round (resume drops metric lines past the checkpoint), where the other order would lose the round's line.
            run.WriteMetrics(history);
            if (improved) Checkpoint.Save(run.BestCheckpoint, state, task.Model, task.Optimizers, task.Spec, task.Generators);
            if (round % task.CheckpointEvery == 0 || round == task.Rounds || outOfTime)
                Checkpoint.Save(run.LastCheckpoint, state, task.Model, task.Optimizers, task.Spec, task.Generators);
            progress.Message($"{task.RoundName} {round}/{task.Rounds}: " + string.Join(", ", result.Metrics.Select(m => $"{m.Key} {m.Value:G5}")));
            if (outOfTime)
            {
                stoppedBy = $"time budget of {maxSeconds} s";
                progress.Message($"{task.Name}: {stoppedBy} reached after {task.RoundName} {round}; continue with: {task.ContinueCommand(run.Root)}");
                break;
            }
        }

        var summary = Summarize(task, run, history, state, stoppedBy);
        run.WriteJson(run.SummaryPath, summary);
        return summary;
    }

    private (TrainingState State, List<JsonObject> History) Restore(ITrainingTask task, RunFolder run, bool resume)
    {
        var start = new TrainingState(task.FirstRound - 1, 0, double.NaN, 0);
        if (!resume) return (start, []);
        if (!File.Exists(run.LastCheckpoint))
        {
            run.WriteMetrics([]);
            progress.Message($"{run.Root} has no checkpoint yet: starting {task.Name} from its first {task.RoundName}");
            return (start, []);
        }
        var state = Checkpoint.Load(run.LastCheckpoint, task.Model, task.Optimizers, task.Generators);
        var history = run.ReadMetrics().Where(m => (int)m[task.RoundName]! <= state.Epoch).ToList();
        run.WriteMetrics(history);
        progress.Message($"resuming {task.Name} after {task.RoundName} {state.Epoch}");
        if (history.LastOrDefault()?["threads"] is { } threads && (int)threads != torch.get_num_threads())
            progress.Message($"warning: resuming with {torch.get_num_threads()} threads where the run so far used {(int)threads}: " +
                             "the result may differ in the last bits from an uninterrupted run");
        return (state, history);
    }

    private static bool Improved(RoundSelection? selection, RoundResult result, double best, out double score)
    {
        score = double.NaN;
        if (selection is null) return false;
        score = result.Metrics.First(m => m.Key == selection.Key).Value;
        return double.IsNaN(best) || (selection.HigherIsBetter ? score > best : score < best);
    }

    private static string StoppedState(ITrainingTask task, RunFolder run, TrainingState state, int round, int stepInRound) =>
        $"{task.RoundName} {round} stopped after step {stepInRound} of it; {run.Root} keeps " +
        (state.Epoch < task.FirstRound ? "no checkpoint yet" : $"its checkpoint of {task.RoundName} {state.Epoch}") +
        $"; continue with: {task.ContinueCommand(run.Root)}";

    /// <summary>Refuses a folder that is not empty as the folder of a new run (called before a task's costly set-up, too).</summary>
    public static void RefuseExisting(RunFolder run)
    {
        if (Directory.Exists(run.Root) && Directory.EnumerateFileSystemEntries(run.Root).Any())
            throw new WorkbenchException($"{run.Root}: run folder already exists (use --resume {run.Root} to continue it, or --out for a new one)");
    }

    private static void StartFolder(RunFolder run, string configJson)
    {
        RefuseExisting(run);
        run.Create();
        Core.IO.AtomicFile.WriteAllText(run.ConfigPath, configJson + "\n");
    }

    private JsonObject Summarize(ITrainingTask task, RunFolder run, List<JsonObject> history, TrainingState state, string? stoppedBy)
    {
        var final = new JsonObject();
        var bookkeeping = new HashSet<string> { task.RoundName, "step", "lr", "seconds", "threads" };
        foreach (var (key, value) in history[^1])
            if (!bookkeeping.Contains(key)) final[key] = value!.DeepClone();
        var summary = new JsonObject
        {
            ["name"] = task.Name,
            [$"{task.RoundName}s"] = state.Epoch,
            ["steps"] = state.Step,
            ["final"] = final,
        };
        if (task.Selection is { } selection)
            summary["best"] = new JsonObject { ["metric"] = selection.Key, ["value"] = state.BestValue, [task.RoundName] = state.BestEpoch };
        if (stoppedBy is not null) summary["stopped_by"] = stoppedBy;
        summary["wall_seconds"] = history.Sum(h => (double)h["seconds"]!);
        summary["parameters"] = task.Model.parameters().Sum(p => p.numel());
        summary["device"] = device.ToString();
        summary["device_requested"] = deviceRequest ?? device.ToString();
        summary["threads"] = torch.get_num_threads();
        summary["threads_used"] = new JsonArray(history.Select(h => h["threads"]?.GetValue<int>()).OfType<int>().Distinct()
            .Select(t => (JsonNode)t).ToArray());
        summary["seed"] = task.Seed;
        summary["data"] = task.DataDescription;
        summary["git_commit"] = GitCommit.Find(AppContext.BaseDirectory) ?? GitCommit.Find(Environment.CurrentDirectory);
        summary["workbench_version"] = typeof(TrainingEngine).Assembly.GetName().Version?.ToString();
        return summary;
    }
}
