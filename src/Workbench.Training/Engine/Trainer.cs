using System.Diagnostics;
using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Models;
using Workbench.Core.Errors;
using Workbench.Core.Progress;
using Workbench.Core.Runtime;
using Workbench.Data.Sources;
using Workbench.Models.Operators;
using Workbench.Training.Config;
using Workbench.Training.Losses;
using Workbench.Training.Optim;
using Workbench.Training.Runs;

namespace Workbench.Training.Engine;

/// <summary>
/// Trains an experiment into a run folder. Each epoch reseeds TorchSharp from (seed, epoch) and shuffles from
/// (seed, epoch); the schedule is a function of the step; checkpoints hold model and optimiser state. So a run resumed
/// from its last checkpoint reproduces the uninterrupted run bit-for-bit on the CPU.
/// </summary>
/// <param name="deviceRequest">What chose <paramref name="device"/> (the command line or the config), for the summary.</param>
public sealed class Trainer(torch.Device device, IProgressSink progress, string? deviceRequest = null)
{
    public JsonObject Train(ExperimentConfig config, RunFolder run, bool resume)
    {
        using var data = DataSourceFactory.Open(config);
        var source = data.Source;
        if (!resume) StartFolder(config, run);
        using var runLock = RunLock.Acquire(run.Root);
        using var stopListener = StopRequest.Listen();

        Determinism.SeedEverything(config.Seed);
        using var model = config.Model.Build(data.ForModel);
        model.to(device);
        using var optimizer = OptimizerFactory.Create(config.Optimizer, model.parameters());
        var spec = config.Model.DerivedSpec(model);

        var state = new TrainingState(0, 0, double.NaN, 0);
        var history = new List<JsonObject>();
        if (resume && !File.Exists(run.LastCheckpoint))
        {
            run.WriteMetrics([]);
            progress.Message($"{run.Root} has no checkpoint yet: starting {config.Name} from its first epoch");
        }
        else if (resume)
        {
            state = Checkpoint.Load(run.LastCheckpoint, model, optimizer);
            history = run.ReadMetrics().Where(m => (int)m["epoch"]! <= state.Epoch).ToList();
            run.WriteMetrics(history);
            progress.Message($"resuming {config.Name} after epoch {state.Epoch}");
            if (history.LastOrDefault()?["threads"] is { } before && (int)before != torch.get_num_threads())
                progress.Message($"warning: resuming with {torch.get_num_threads()} threads where the run so far used {(int)before}: " +
                                 "the result may differ in the last bits from an uninterrupted run");
        }

        var train = data.Splits.Train;
        var validation = data.Splits.Validation;
        var stepsPerEpoch = (train.Count + config.BatchSize - 1) / config.BatchSize;
        var schedule = new LearningRateSchedule(config.Schedule, config.Optimizer.Lr, stepsPerEpoch, stepsPerEpoch * config.Epochs);
        var selection = config.Metrics[0];
        var loss = Objectives.PerSample(config);

        for (var epoch = state.Epoch + 1; epoch <= config.Epochs; epoch++)
        {
            var clock = Stopwatch.StartNew();
            torch.manual_seed(Determinism.DeriveSeed(config.Seed, $"epoch:{epoch}"));
            model.train();
            double lossSum = 0;
            var step = state.Step;
            var batches = Batches.Shuffled(train, config.BatchSize, config.Seed, epoch);
            using var loader = new DeviceBatchLoader(source, batches, device);
            for (var b = 0; b < batches.Count; b++)
            {
                using var scope = torch.NewDisposeScope();
                OptimizerFactory.SetLearningRate(optimizer, schedule.At(step));
                var (x, y) = loader.Take(b, scope);
                if (config.Augment == AugmentKind.Dihedral)
                {
                    var element = DihedralAugmentation.Draw(config.Seed, epoch, b);
                    (x, y) = (DihedralAugmentation.Apply(x, element), DihedralAugmentation.Apply(y, element));
                }
                var perSample = model switch
                {
                    ITrainingObjective own => own.TrainingLossPerSample(x, y, step, loss),
                    IFrequencyDomainLoss spectral when config.Loss == LossKind.RelativeL2 => spectral.RelativeL2PerSample(x, y),
                    _ => loss(model.forward(x), y),
                };
                var batchLoss = perSample.mean();
                optimizer.zero_grad();
                batchLoss.backward();
                // Read the next batch while the device still works on this one; item() below waits for it.
                loader.Prefetch(b + 1);
                var value = batchLoss.item<float>();
                if (!float.IsFinite(value))
                    throw new WorkbenchException($"training diverged: loss is {value} at epoch {epoch}, step {step + 1} (lower the learning rate or set grad_clip)");
                if (config.GradClip is { } clip) torch.nn.utils.clip_grad_norm_(model.parameters(), clip);
                optimizer.step();
                lossSum += (double)value * batches[b].Length;
                step++;
                progress.Report($"epoch {epoch}/{config.Epochs}", b + 1, batches.Count, $"loss {value:G4}");
                StopRequest.ThrowIfRequested(() => StoppedState(run, state, epoch, b + 1));
            }

            var metrics = Evaluator.Evaluate(model, source, validation, config, device);
            var score = metrics[Objectives.Name(selection)];
            var improved = double.IsNaN(state.BestValue) || (Objectives.HigherIsBetter(selection) ? score > state.BestValue : score < state.BestValue);
            state = new TrainingState(epoch, step, improved ? score : state.BestValue, improved ? epoch : state.BestEpoch);

            var line = new JsonObject { ["epoch"] = epoch, ["step"] = step, ["lr"] = schedule.At(step - 1), ["train_loss"] = lossSum / train.Count };
            foreach (var (name, value) in metrics) line[$"val_{name}"] = value;
            line["seconds"] = clock.Elapsed.TotalSeconds;
            line["threads"] = torch.get_num_threads();
            history.Add(line);
            // Metrics before checkpoints: a run killed in between resumes from the older checkpoint and redoes this
            // epoch (resume drops metric lines past the checkpoint), where the other order would lose the epoch's line.
            run.WriteMetrics(history);
            if (improved) Checkpoint.Save(run.BestCheckpoint, state, model, optimizer, spec);
            if (epoch % config.CheckpointEvery == 0 || epoch == config.Epochs) Checkpoint.Save(run.LastCheckpoint, state, model, optimizer, spec);
            progress.Message($"epoch {epoch}/{config.Epochs}: train_loss {lossSum / train.Count:G5}, " +
                             string.Join(", ", metrics.Select(m => $"val_{m.Key} {m.Value:G5}")));
        }

        var summary = Summarize(config, run, model, history, state, source);
        run.WriteJson(run.SummaryPath, summary);
        return summary;
    }

    private static string StoppedState(RunFolder run, TrainingState state, int epoch, int batch) =>
        $"epoch {epoch} stopped after batch {batch}; {run.Root} keeps " +
        (state.Epoch == 0 ? "no checkpoint yet" : $"its checkpoint of epoch {state.Epoch}") +
        $"; continue with: workbench train --resume {run.Root}";

    private static void StartFolder(ExperimentConfig config, RunFolder run)
    {
        if (Directory.Exists(run.Root) && Directory.EnumerateFileSystemEntries(run.Root).Any())
            throw new WorkbenchException($"{run.Root}: run folder already exists (use --resume {run.Root} to continue it, or --out for a new one)");
        run.Create();
        Workbench.Core.IO.AtomicFile.WriteAllText(run.ConfigPath, ExperimentConfigLoader.Serialize(config) + "\n");
    }

    private JsonObject Summarize(ExperimentConfig config, RunFolder run, torch.nn.Module model, List<JsonObject> history,
        TrainingState state, ISampleSource source)
    {
        var final = new JsonObject();
        foreach (var (key, value) in history[^1])
            if (key.StartsWith("val_", StringComparison.Ordinal) || key == "train_loss") final[key] = value!.DeepClone();
        var summary = new JsonObject
        {
            ["name"] = config.Name,
            ["epochs"] = state.Epoch,
            ["steps"] = state.Step,
            ["final"] = final,
            ["best"] = new JsonObject { ["metric"] = $"val_{Objectives.Name(config.Metrics[0])}", ["value"] = state.BestValue, ["epoch"] = state.BestEpoch },
            ["wall_seconds"] = history.Sum(h => (double)h["seconds"]!),
            ["parameters"] = model.parameters().Sum(p => p.numel()),
            ["device"] = device.ToString(),
            ["device_requested"] = deviceRequest ?? device.ToString(),
            ["threads"] = torch.get_num_threads(),
            ["threads_used"] = new JsonArray(history.Select(h => h["threads"]?.GetValue<int>()).OfType<int>().Distinct()
                .Select(t => (JsonNode)t).ToArray()),
            ["seed"] = config.Seed,
            ["data"] = source.Description,
            ["git_commit"] = GitCommit.Find(AppContext.BaseDirectory) ?? GitCommit.Find(Environment.CurrentDirectory),
            ["workbench_version"] = typeof(Trainer).Assembly.GetName().Version?.ToString(),
        };
        return summary;
    }
}
