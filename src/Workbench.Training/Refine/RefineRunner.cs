using System.Text.Json;
using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Core.Progress;
using Workbench.Data.Hdf5;
using Workbench.Data.Sources;
using Workbench.Data.Splits;
using Workbench.Models.Operators.Sfno;
using Workbench.Training.Config;
using Workbench.Training.Engine;
using Workbench.Training.Runs;
using static TorchSharp.torch;

namespace Workbench.Training.Refine;

/// <summary>
/// Runs a <see cref="RefineConfig"/> against a trained SFNO run folder into a standard run folder (a
/// <see cref="RefineTask"/> run by the <see cref="TrainingEngine"/>): config.json (naming the trained run), metrics.jsonl
/// with a line per iteration, checkpoints/last.ckpt with every sample's layer and optimiser state, and summary.json with
/// the refinement's numbers before and after. A run stopped by a signal or a time budget resumes exactly.
/// </summary>
public sealed class RefineRunner(Device device, IProgressSink progress, string? deviceRequest = null)
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

    /// <summary>
    /// Refines into <paramref name="output"/> (continuing it when <paramref name="resume"/>); <paramref name="maxSeconds"/>
    /// ends the run, saved and resumable, after the iteration that reaches that much time.
    /// </summary>
    public JsonObject Run(RefineConfig config, RunFolder output, bool resume, double? maxSeconds = null)
    {
        if (!resume) TrainingEngine.RefuseExisting(output);
        using var task = RefineTask.Create(config, device);
        var configJson = JsonNode.Parse(JsonSerializer.Serialize(config, ExperimentConfigLoader.Json))!.ToJsonString(RunFolder.Json);
        var summary = new TrainingEngine(device, progress, deviceRequest).Run(task, output, resume, configJson, maxSeconds);
        if (summary.ContainsKey("stopped_by")) return summary;

        var lines = output.ReadMetrics();
        var (first, last) = (lines[0], lines[^1]);
        var (before, after) = ((double)first["relative_l2"]!, (double)last["relative_l2"]!);
        summary["trained_run"] = task.TrainedRun.Root;
        summary["checkpoint"] = config.Checkpoint;
        summary["samples"] = task.Samples;
        summary["grid"] = new JsonArray(task.Grid.X, task.Grid.Y);
        summary["lr"] = config.Lr;
        summary["optimizer"] = JsonSerializer.SerializeToNode(config.Optimizer, ExperimentConfigLoader.Json);
        summary["untruncated"] = config.Untruncated;
        summary["objective"] = JsonSerializer.SerializeToNode(config.Objective, ExperimentConfigLoader.Json);
        summary["window"] = JsonSerializer.SerializeToNode(config.Window, ExperimentConfigLoader.Json);
        summary["time_derivative"] = JsonSerializer.SerializeToNode(config.Equation.TimeDerivative, ExperimentConfigLoader.Json);
        summary["relative_l2_before"] = before;
        summary["relative_l2_after"] = after;
        summary["improvement"] = before / after;
        summary["residual_before"] = first["residual"]!.DeepClone();
        summary["residual_after"] = last["residual"]!.DeepClone();
        summary["residual_of_ground_truth"] = task.GroundTruthResidual;
        summary["sample_relative_l2_before"] = first["sample_relative_l2"]!.DeepClone();
        summary["sample_relative_l2_after"] = last["sample_relative_l2"]!.DeepClone();
        summary["seconds"] = summary["wall_seconds"]!.DeepClone();
        output.WriteJson(output.SummaryPath, summary);
        return summary;
    }
}
