using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Core.Progress;
using Workbench.Core.Runtime;
using Workbench.Data.Hdf5;
using Workbench.Data.Sources;
using Workbench.Data.Splits;
using Workbench.Models.Operators.Sfno;
using Workbench.Training.Config;
using Workbench.Training.Runs;
using static TorchSharp.torch;

namespace Workbench.Training.Refine;

/// <summary>
/// Runs a <see cref="RefineConfig"/> against a trained SFNO run folder and writes a refinement run folder:
/// config.json, metrics.jsonl (one line per iteration, rewritten atomically after each) and summary.json.
/// </summary>
public sealed class RefineRunner(Device device, IProgressSink progress)
{
    /// <summary>The trained run, the selected samples (inputs and ground truth on <paramref name="target"/>) and the refiner a config describes.</summary>
    public static (RunFolder Trained, Tensor Inputs, Tensor Truth, SpectralRefiner Refiner) Prepare(RefineConfig config, string trainedRun, Device target)
    {
        var trained = TrainedRun.Open(trainedRun);
        var source = trained.Folder;
        if (trained.Config.Model is not SfnoOptions sfno)
            throw new ConfigException($"{source.ConfigPath}: refine needs an sfno model, got '{trained.Config.Model.Kind}'");
        var model = (Sfno)trained.LoadModel(config.Checkpoint, target).Model;

        using var data = new Hdf5SampleSource(config.Data.Path, new DatasetReaderOptions { InputsPath = config.Data.Inputs, TargetsPath = config.Data.Targets });
        var problem = sfno.CheckShapes(data.InputShape, data.TargetShape);
        if (problem is not null) throw new DataFileException($"{data.Description}: {problem}");
        var range = DatasetSplits.ParseRange("data.samples", config.Data.Samples, data.Count);
        if (range.Count == 0) throw new ConfigException($"data.samples: '{config.Data.Samples}' selects no samples");
        var (inputs, truth) = data.Load(range.Indices().ToArray());
        var refiner = new SpectralRefiner(model, config.Equation.Build(), config.Norm.Build(config.Equation.Length), config.Untruncated, config.Objective, config.Window);
        return (source, inputs.to(target), truth.to(target), refiner);
    }

    public JsonObject Run(RefineConfig config, string trainedRun, RunFolder output)
    {
        var (source, inputs, truth, refiner) = Prepare(config, trainedRun, device);
        var samples = inputs.shape[0];
        double truthResidual;
        using (no_grad()) truthResidual = refiner.ResidualNorm(inputs, truth).mean().to(ScalarType.Float64).item<double>();

        output.Create();
        using var runLock = RunLock.Acquire(output.Root);
        using var stopListener = StopRequest.Listen();
        output.WriteJson(output.ConfigPath, JsonNode.Parse(JsonSerializer.Serialize(config, ExperimentConfigLoader.Json))!);
        var lines = new List<JsonObject>();
        var clock = Stopwatch.StartNew();
        var steps = new List<RefinementStep>();
        refiner.Run(inputs, truth, config.Iterations, new RefinerOptimizer(config.Optimizer, config.Lr, config.Momentum), step =>
        {
            steps.Add(step);
            lines.Add(new JsonObject
            {
                ["iteration"] = step.Iteration,
                ["residual"] = step.Residual,
                ["relative_l2"] = step.RelativeL2,
                ["sample_residual"] = new JsonArray(step.SampleResiduals.Select(v => (JsonNode)v).ToArray()),
                ["sample_relative_l2"] = new JsonArray(step.SampleRelativeL2.Select(v => (JsonNode)v).ToArray()),
                ["seconds"] = clock.Elapsed.TotalSeconds,
            });
            output.WriteMetrics(lines);
            progress.Report("refine", step.Iteration, config.Iterations, $"residual {step.Residual:G4}, relative L2 {step.RelativeL2:G4}");
            StopRequest.ThrowIfRequested(() => $"{output.Root} holds iterations 0..{step.Iteration} in metrics.jsonl and no summary.json");
        });

        var (first, last) = (steps[0], steps[^1]);
        var summary = new JsonObject
        {
            ["name"] = config.Name,
            ["trained_run"] = source.Root,
            ["checkpoint"] = config.Checkpoint,
            ["data"] = config.Data.Path,
            ["samples"] = samples,
            ["grid"] = new JsonArray(inputs.shape[2], inputs.shape[3]),
            ["iterations"] = config.Iterations,
            ["lr"] = config.Lr,
            ["optimizer"] = JsonSerializer.SerializeToNode(config.Optimizer, ExperimentConfigLoader.Json),
            ["untruncated"] = config.Untruncated,
            ["objective"] = JsonSerializer.SerializeToNode(config.Objective, ExperimentConfigLoader.Json),
            ["window"] = JsonSerializer.SerializeToNode(config.Window, ExperimentConfigLoader.Json),
            ["time_derivative"] = JsonSerializer.SerializeToNode(config.Equation.TimeDerivative, ExperimentConfigLoader.Json),
            ["relative_l2_before"] = first.RelativeL2,
            ["relative_l2_after"] = last.RelativeL2,
            ["improvement"] = first.RelativeL2 / last.RelativeL2,
            ["residual_before"] = first.Residual,
            ["residual_after"] = last.Residual,
            ["residual_of_ground_truth"] = truthResidual,
            ["sample_relative_l2_before"] = new JsonArray(first.SampleRelativeL2.Select(v => (JsonNode)v).ToArray()),
            ["sample_relative_l2_after"] = new JsonArray(last.SampleRelativeL2.Select(v => (JsonNode)v).ToArray()),
            ["device"] = device.ToString(),
            ["threads"] = get_num_threads(),
            ["seconds"] = clock.Elapsed.TotalSeconds,
        };
        output.WriteJson(output.SummaryPath, summary);
        return summary;
    }
}
