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
/// a codec into a trained-models folder (MODEL-qQ or MODEL-variable .dat and .json, as <see cref="CodecCheckpoints"/> reads them).
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
        var checkpoints = new CodecCheckpoints(folder);
        if (checkpoints.Qualities(CodecModels.Parse(config.Kind)).Contains(quality))
            throw new WorkbenchException($"{folder}: already holds {config.Kind}-q{quality}");
        var (model, info) = Read(file, config, null, own => own ?? (lambda is null
            ? throw new WorkbenchException($"{file}: carries no codec description; give --lambda (the rate-distortion weight it was trained for)")
            : Described(config, lambda.Value, null, 0)));
        using (model)
            checkpoints.Save(quality, model, (lambda is { } weight ? info with { Lambda = weight } : info) with
            {
                N = config.N, M = config.M, EntropyModel = config.EntropyModel, Hcfssnet = config.Hcfssnet,
            });
    }

    /// <summary>
    /// Writes <paramref name="config"/>'s variable-rate codec into <paramref name="folder"/> as NAME-variable, one quality
    /// level per lambda from <paramref name="firstQuality"/>. Its description is the file's own with these levels, or,
    /// for a file made elsewhere, steps 0 at these lambdas.
    /// </summary>
    public static void ToVariableRateCodec(string file, CodecModelConfig config, byte firstQuality, IReadOnlyList<double> lambdas, string folder)
    {
        var checkpoints = new CodecCheckpoints(folder);
        if (checkpoints.HasVariableRate(CodecModels.Parse(config.Kind)))
            throw new WorkbenchException($"{folder}: already holds a variable-rate {config.Kind} model");
        var levels = new RateLevels(firstQuality, lambdas.Count);
        levels.Validate();
        var (model, info) = Read(file, config, levels, own => own ?? Described(config, 0, lambdas, firstQuality));
        using (model)
            checkpoints.SaveVariableRate(model, info with
            {
                N = config.N, M = config.M, EntropyModel = config.EntropyModel, Hcfssnet = config.Hcfssnet, Lambda = 0, Lambdas = lambdas,
                FirstQuality = firstQuality,
            });
    }

    private static (LearnedImageCodec Model, CodecCheckpointInfo Info) Read(string file, CodecModelConfig config, RateLevels? levels,
        Func<CodecCheckpointInfo?, CodecCheckpointInfo> describe)
    {
        var model = CodecModels.Create(CodecModels.Parse(config.Kind), config.N, config.M, levels, config.EntropyModel, config.Hcfssnet);
        try
        {
            using var state = StateDictFile.Read(file);
            var info = describe(InteropSpec.CodecInfo(state.Spec, file));
            ModuleStateDict.Load(model, state, file);
            model.eval();
            return (model, info);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static CodecCheckpointInfo Described(CodecModelConfig config, double lambda, IReadOnlyList<double>? lambdas, int firstQuality) =>
        new(config.N, config.M, lambda, Steps: 0, BatchSize: 0, PatchSize: 0, LearningRate: 0, Seed: 0, TrainingImages: [], TrainingSeconds: 0,
            Lambdas: lambdas, FirstQuality: firstQuality);
}
