using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Core.Runtime;
using Workbench.Models;
using Workbench.Training.Config;
using Workbench.Training.Losses;
using Workbench.Training.Optim;

namespace Workbench.Training.Engine;

/// <summary>
/// An operator (or nowcasting) experiment as rounds of the <see cref="TrainingEngine"/>: one epoch per round. Each epoch
/// reseeds TorchSharp from (seed, epoch) and shuffles from (seed, epoch); the schedule is a function of the step; the
/// validation metrics end the round, the first configured metric picks the best checkpoint.
/// </summary>
public sealed class OperatorTask : ITrainingTask
{
    private readonly ExperimentConfig _config;
    private readonly OpenedData _data;
    private readonly torch.nn.Module<torch.Tensor, torch.Tensor> _model;
    private readonly OptimizerHelper _optimizer;
    private readonly torch.Device _device;
    private readonly LearningRateSchedule _schedule;

    private OperatorTask(ExperimentConfig config, OpenedData data, torch.Device device)
    {
        (_config, _data, _device) = (config, data, device);
        Determinism.SeedEverything(config.Seed);
        _model = config.Model.Build(data.ForModel);
        _model.to(device);
        _optimizer = OptimizerFactory.Create(config.Optimizer, _model.parameters());
        Spec = config.Model.DerivedSpec(_model);
        var stepsPerEpoch = (data.Splits.Train.Count + config.BatchSize - 1) / config.BatchSize;
        _schedule = new LearningRateSchedule(config.Schedule, config.Optimizer.Lr, stepsPerEpoch, stepsPerEpoch * config.Epochs);
        Selection = new RoundSelection($"val_{Objectives.Name(config.Metrics[0])}", Objectives.HigherIsBetter(config.Metrics[0]));
    }

    /// <summary>Opens the experiment's data and builds its model and optimiser (seeded) on <paramref name="device"/>.</summary>
    public static OperatorTask Create(ExperimentConfig config, torch.Device device)
    {
        var data = DataSourceFactory.Open(config);
        try
        {
            return new OperatorTask(config, data, device);
        }
        catch
        {
            data.Dispose();
            throw;
        }
    }

    public string Name => _config.Name;
    public long Seed => _config.Seed;
    public string RoundName => "epoch";
    public int Rounds => _config.Epochs;
    public int CheckpointEvery => _config.CheckpointEvery;
    public torch.nn.Module Model => _model;
    public IReadOnlyList<OptimizerHelper> Optimizers => [_optimizer];
    public JsonObject Spec { get; }
    public RoundSelection? Selection { get; }
    public string DataDescription => _data.Source.Description;

    public RoundResult Run(int epoch, long step, RoundContext context)
    {
        var config = _config;
        var train = _data.Splits.Train;
        var loss = Objectives.PerSample(config);
        torch.manual_seed(Determinism.DeriveSeed(config.Seed, $"epoch:{epoch}"));
        _model.train();
        double lossSum = 0;
        var batches = Batches.Shuffled(train, config.BatchSize, config.Seed, epoch);
        using var loader = new DeviceBatchLoader(_data.Source, batches, _device);
        for (var b = 0; b < batches.Count; b++)
        {
            using var scope = torch.NewDisposeScope();
            OptimizerFactory.SetLearningRate(_optimizer, _schedule.At(step));
            var (x, y) = loader.Take(b, scope);
            if (config.Augment == AugmentKind.Dihedral)
            {
                var element = DihedralAugmentation.Draw(config.Seed, epoch, b);
                (x, y) = (DihedralAugmentation.Apply(x, element), DihedralAugmentation.Apply(y, element));
            }
            var perSample = _model switch
            {
                ITrainingObjective own => own.TrainingLossPerSample(x, y, step, loss),
                IFrequencyDomainLoss spectral when config.Loss == LossKind.RelativeL2 => spectral.RelativeL2PerSample(x, y),
                _ => loss(_model.forward(x), y),
            };
            var batchLoss = perSample.mean();
            _optimizer.zero_grad();
            batchLoss.backward();
            // Read the next batch while the device still works on this one; item() below waits for it.
            loader.Prefetch(b + 1);
            var value = batchLoss.item<float>();
            if (!float.IsFinite(value))
                throw new WorkbenchException($"training diverged: loss is {value} at epoch {epoch}, step {step + 1} (lower the learning rate or set grad_clip)");
            if (config.GradClip is { } clip) torch.nn.utils.clip_grad_norm_(_model.parameters(), clip);
            _optimizer.step();
            lossSum += (double)value * batches[b].Length;
            step++;
            context.Progress.Report($"epoch {epoch}/{config.Epochs}", b + 1, batches.Count, $"loss {value:G4}");
            context.AfterStep(b + 1);
        }

        var metrics = new List<KeyValuePair<string, double>> { new("train_loss", lossSum / train.Count) };
        metrics.AddRange(Evaluator.Evaluate(_model, _data.Source, _data.Splits.Validation, config, _device)
            .Select(m => new KeyValuePair<string, double>($"val_{m.Key}", m.Value)));
        return new RoundResult(step, _schedule.At(step - 1), metrics);
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _model.Dispose();
        _data.Dispose();
    }
}
