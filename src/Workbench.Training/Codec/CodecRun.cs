using System.Text.Json.Nodes;
using Workbench.Core.Progress;
using Workbench.Models.Codec;
using Workbench.Training.Engine;
using Workbench.Training.Runs;
using static TorchSharp.torch;

namespace Workbench.Training.Codec;

/// <summary>
/// Codec training in a run folder (a <see cref="CodecTask"/> run by the <see cref="TrainingEngine"/>) and the export of
/// its last checkpoint into a folder of trained codec models, with the integer coding tables computed on the CPU.
/// </summary>
public static class CodecRun
{
    /// <summary>Trains (or resumes) the run; a finished run is saved to the config's <c>save_to</c> when it names one.</summary>
    public static JsonObject Train(CodecExperimentConfig config, RunFolder run, bool resume, Device device, IProgressSink progress,
        string? deviceRequest = null, double? maxSeconds = null)
    {
        if (!resume) TrainingEngine.RefuseExisting(run);
        JsonObject summary;
        using (var task = CodecTask.Create(config, device))
            summary = new TrainingEngine(device, progress, deviceRequest).Run(task, run, resume, config.Serialize(), maxSeconds);
        if (config.SaveTo is { } folder && !summary.ContainsKey("stopped_by"))
        {
            Export(run, folder);
            progress.Message($"saved {config.SavedName} to {folder} after {(long)summary["steps"]!} steps");
        }
        return summary;
    }

    /// <summary>Writes the run's last checkpoint to <paramref name="folder"/> as MODEL-qQ.{dat,json} (MODEL-variable for a variable-rate model).</summary>
    public static void Export(RunFolder run, string folder)
    {
        var config = CodecExperimentConfig.Load(run.ConfigPath);
        using var model = CodecModels.Create(config.ModelId, config.Model.N, config.Model.M, config.RateLevels, config.Model.EntropyModel, config.Model.Hcfssnet);
        var state = Checkpoint.Load(run.LastCheckpoint, model, optimizers: []);
        model.eval();
        model.EntropyBottleneck.UpdateTables();
        var seconds = run.ReadMetrics().Where(m => (int)m["round"]! <= state.Epoch).Sum(m => (double)m["seconds"]!);
        var info = new CodecCheckpointInfo(config.Model.N, config.Model.M, config.Lambda, (int)state.Step, config.BatchSize, config.PatchSize,
            config.Lr, config.Seed, TrainingImages.Resolve(config.Images).Select(p => Path.GetFileName(p)).ToArray(), Math.Round(seconds, 1),
            Lambdas: config.Lambdas, FirstQuality: config.Lambdas is null ? 0 : config.Quality, EntropyModel: config.Model.EntropyModel,
            Hcfssnet: config.Model.Hcfssnet).After(Prior(config));
        if (config.Lambdas is null) new CodecCheckpoints(folder).Save((byte)config.Quality, model, info);
        else new CodecCheckpoints(folder).SaveVariableRate(model, info);
    }

    /// <summary>The description of the checkpoint the run started from, if any.</summary>
    private static CodecCheckpointInfo? Prior(CodecExperimentConfig config)
    {
        if (config.InitFrom is not { } start) return null;
        var checkpoints = new CodecCheckpoints(start);
        return config.Lambdas is null || config.InitQuality is not null
            ? checkpoints.Info(config.ModelId, (byte)(config.InitQuality ?? config.Quality))
            : checkpoints.VariableRateInfo(config.ModelId);
    }
}
