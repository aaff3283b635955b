using Workbench.Core.Errors;
using Workbench.Core.IO;
using Workbench.Models.Codec;
using Workbench.Training.Codec;
using Workbench.Training.Config;
using Workbench.Training.Runs;

namespace Workbench.Training.Interop;

/// <summary>
/// Turns a PyTorch state dict into the workbench's own files: an operator into a run folder (config.json, and the
/// weights as checkpoints/last.ckpt and best.ckpt at epoch 0, so eval, export and <see cref="TrainedRun"/> open it);
/// a codec into a trained-models folder (MODEL-qQ.dat and .json, as <see cref="CodecCheckpoints"/> reads them).
/// Nothing is left behind when the file does not fit.
/// </summary>
public static class ModelImport
{
    public static void ToRun(string file, ExperimentConfig config, string output)
    {
        var run = new RunFolder(output);
        if (Directory.Exists(run.Root) && Directory.EnumerateFileSystemEntries(run.Root).Any())
            throw new WorkbenchException($"{run.Root}: already exists and is not empty");
        using var model = config.Model.BuildFromSpec(new());
        using (var state = StateDictFile.Read(file)) ModuleStateDict.Load(model, state, file);
        model.eval();
        var staging = new RunFolder(AtomicFile.TemporarySibling(run.Root));
        try
        {
            staging.Create();
            AtomicFile.WriteAllText(staging.ConfigPath, ExperimentConfigLoader.Serialize(config) + "\n");
            var imported = new TrainingState(Epoch: 0, Step: 0, BestValue: double.NaN, BestEpoch: 0);
            var derived = config.Model.DerivedSpec(model);
            Checkpoint.Save(staging.LastCheckpoint, imported, model, optimizers: [], derived);
            Checkpoint.Save(staging.BestCheckpoint, imported, model, optimizers: [], derived);
            if (Directory.Exists(run.Root)) Directory.Delete(run.Root);
            Directory.Move(staging.Root, run.Root);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkbenchException($"cannot write {run.Root}: {e.Message.ReplaceLineEndings(" ")}");
        }
        finally
        {
            if (Directory.Exists(staging.Root)) Directory.Delete(staging.Root, recursive: true);
        }
    }

    /// <summary>
    /// Writes <paramref name="config"/>'s codec into <paramref name="folder"/> at <paramref name="quality"/>. Its description
    /// is the file's own (a workbench export of a trained model) or, for a file made elsewhere, steps 0 at
    /// <paramref name="lambda"/>, which then must be given.
    /// </summary>
    public static void ToTrainedCodec(string file, CodecModelConfig config, byte quality, double? lambda, string folder)
    {
        var id = CodecModels.Parse(config.Kind);
        var checkpoints = new CodecCheckpoints(folder);
        if (checkpoints.Qualities(id).Contains(quality))
            throw new WorkbenchException($"{folder}: already holds {config.Kind}-q{quality}");
        using var model = CodecModels.Create(id, config.N, config.M, entropyModel: config.EntropyModel, hcfssnet: config.Hcfssnet);
        CodecCheckpointInfo info;
        using (var state = StateDictFile.Read(file))
        {
            var own = InteropSpec.CodecInfo(state.Spec, file);
            if (own is null && lambda is null)
                throw new WorkbenchException($"{file}: carries no codec description; give --lambda (the rate-distortion weight it was trained for)");
            info = own ?? new CodecCheckpointInfo(config.N, config.M, lambda!.Value, Steps: 0, BatchSize: 0, PatchSize: 0, LearningRate: 0, Seed: 0,
                TrainingImages: [], TrainingSeconds: 0);
            if (lambda is { } weight) info = info with { Lambda = weight };
            ModuleStateDict.Load(model, state, file);
        }
        model.eval();
        checkpoints.Save(quality, model, info with { N = config.N, M = config.M, EntropyModel = config.EntropyModel, Hcfssnet = config.Hcfssnet });
    }
}
