using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.Modules;
using Workbench.Models.Operators.Fno;
using Workbench.Training.Engine;
using Workbench.Training.Runs;
using static TorchSharp.torch;

namespace Workbench.Training.Refine;

/// <summary>
/// A <see cref="RefineConfig"/> as rounds of the <see cref="TrainingEngine"/>: round k (0 .. iterations) measures every
/// sample's forecast after k optimiser steps (the metrics line of iteration k) and, before the last, takes step k + 1 of
/// each sample's layer from that same evaluation. The model the engine checkpoints is the samples' layers, its optimisers
/// theirs; the trained SFNO, the latents and the starting layers are rebuilt from the trained run, so a resumed refinement
/// continues exactly. Nothing is drawn at random.
/// </summary>
public sealed class RefineTask : ITrainingTask
{
    private readonly RefineConfig _config;
    private readonly nn.Module _trained;
    private readonly SpectralRefiner _refiner;
    private readonly IReadOnlyList<RefinedSample> _samples;
    private readonly SampleLayers _layers;

    private RefineTask(RefineConfig config, RunFolder trained, Tensor inputs, Tensor truth, SpectralRefiner refiner)
    {
        (_config, TrainedRun, _refiner) = (config, trained, refiner);
        _trained = refiner.Model;
        Samples = inputs.shape[0];
        Grid = (inputs.shape[2], inputs.shape[3]);
        using (no_grad()) GroundTruthResidual = refiner.ResidualNorm(inputs, truth).mean().to(ScalarType.Float64).item<double>();
        _samples = refiner.Start(inputs, truth, new RefinerOptimizer(config.Optimizer, config.Lr, config.Momentum));
        _layers = new SampleLayers(_samples.Select(s => s.Layer));
    }

    /// <summary>Opens the trained run named by the config, loads the selected samples on <paramref name="device"/> and gives each its layer.</summary>
    public static RefineTask Create(RefineConfig config, Device device)
    {
        var trainedRun = config.TrainedRun ?? throw new ArgumentException("the refinement config names no trained run", nameof(config));
        var (trained, inputs, truth, refiner) = RefineRunner.Prepare(config, trainedRun, device);
        return new RefineTask(config, trained, inputs, truth, refiner);
    }

    public string Name => _config.Name;
    public long Seed => 0;
    public string RoundName => "iteration";
    public int FirstRound => 0;
    public int Rounds => _config.Iterations;
    public int CheckpointEvery => _config.CheckpointEvery;
    public nn.Module Model => _layers;
    public IReadOnlyList<OptimizerHelper> Optimizers => _samples.Select(s => s.Optimizer).ToArray();
    public JsonObject Spec => new();
    public RoundSelection? Selection => null;
    public string DataDescription => _config.Data.Path;
    public string ContinueCommand(string root) => $"workbench refine --resume {root}";

    public RunFolder TrainedRun { get; }
    public long Samples { get; }
    public (long X, long Y) Grid { get; }

    /// <summary>The mean residual norm of the ground truth itself: the floor the refinement's residual is compared with.</summary>
    public double GroundTruthResidual { get; }

    public RoundResult Run(int iteration, long step, RoundContext context)
    {
        var stepping = iteration < _config.Iterations;
        var result = _refiner.Iterate(_samples, iteration, stepping);
        context.Progress.Report("refine", iteration, _config.Iterations, $"residual {result.Residual:G4}, relative L2 {result.RelativeL2:G4}");
        if (stepping) context.AfterStep(1);
        return new RoundResult(stepping ? step + 1 : step, _config.Lr, [new("residual", result.Residual), new("relative_l2", result.RelativeL2)],
            new JsonObject
            {
                ["sample_residual"] = new JsonArray(result.SampleResiduals.Select(v => (JsonNode)v).ToArray()),
                ["sample_relative_l2"] = new JsonArray(result.SampleRelativeL2.Select(v => (JsonNode)v).ToArray()),
            });
    }

    public void Dispose()
    {
        foreach (var sample in _samples) sample.Optimizer.Dispose();
        _layers.Dispose();
        _trained.Dispose();
    }
}

/// <summary>The samples' refined layers as one module, the one a checkpoint stores: sample i's layer under the name "i".</summary>
internal sealed class SampleLayers : nn.Module
{
    public SampleLayers(IEnumerable<SpectralConv> layers) : base(nameof(SampleLayers))
    {
        var index = 0;
        foreach (var layer in layers) register_module($"{index++}", layer);
    }
}
