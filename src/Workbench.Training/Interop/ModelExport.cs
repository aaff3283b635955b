using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Codec;
using Workbench.Training.Codec;
using Workbench.Training.Config;
using Workbench.Training.Runs;

namespace Workbench.Training.Interop;

/// <summary>What an export wrote: the model kind, how many tensors and how many values they hold.</summary>
public sealed record ExportSummary(string Kind, int Tensors, long Values);

/// <summary>
/// Writes a model as a PyTorch state dict (<see cref="ModuleStateDict"/>) with its <see cref="InteropSpec"/>. The source
/// is an operator run folder (<see cref="TrainedRun"/>), a codec run folder (config.json with "task": "codec"), or a
/// trained codec model NAME-qQ.dat or NAME-variable.dat of a trained-models folder such as models/codec.
/// </summary>
public static class ModelExport
{
    public static ExportSummary Export(string source, string checkpoint, StateDictFormat format, string output)
    {
        if (StateDictFormats.OfFile(output) != format)
            throw new WorkbenchException($"{output}: a {(format == StateDictFormat.Pt ? "pt file ends in .pt or .pth" : "safetensors file ends in .safetensors")}");
        var (model, spec, kind) = Open(source, checkpoint);
        using (model)
        {
            var tensors = ModuleStateDict.Export(model);
            try
            {
                StateDictFile.Write(output, format, tensors, spec);
                return new ExportSummary(kind, tensors.Count, tensors.Values.Sum(t => t.numel()));
            }
            finally
            {
                foreach (var tensor in tensors.Values) tensor.Dispose();
            }
        }
    }

    private static (torch.nn.Module Model, JsonObject Spec, string Kind) Open(string source, string checkpoint)
    {
        if (File.Exists(source) && Path.GetExtension(source) == ".dat") return OpenTrainedCodec(source);
        if (!Directory.Exists(source)) throw new WorkbenchException($"{source}: expected a run folder or a trained codec model MODEL-qQ.dat or MODEL-variable.dat");
        var run = new RunFolder(source);
        if (File.Exists(run.ConfigPath) && ExperimentTask.IsCodec(run.ConfigPath)) return OpenCodecRun(run, checkpoint);
        var trained = TrainedRun.Open(source);
        var (model, state) = trained.LoadModel(checkpoint, torch.CPU);
        var spec = InteropSpec.ForOperator(trained.Config.Model, trained.Config.Model.DerivedSpec(model), checkpoint, state.Epoch, state.Step,
            ModuleStateDict.NamingOf(model) is FnoSpectralBlocks);
        return (model, spec, spec["model"]!["kind"]!.GetValue<string>());
    }

    private static (torch.nn.Module, JsonObject, string) OpenCodecRun(RunFolder run, string checkpoint)
    {
        var config = CodecExperimentConfig.Load(run.ConfigPath);
        var model = CodecModels.Create(config.ModelId, config.Model.N, config.Model.M, config.RateLevels, config.Model.EntropyModel, config.Model.Hcfssnet);
        try
        {
            var state = Checkpoint.Load(run.CheckpointNamed(checkpoint), model, optimizers: []);
            model.eval();
            return (model, InteropSpec.ForCodec(config.Model, config.Quality, config.Lambdas, null, checkpoint, state.Epoch, state.Step), config.Model.Kind);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    private static (torch.nn.Module, JsonObject, string) OpenTrainedCodec(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var dash = stem.LastIndexOf('-');
        var rate = dash < 0 ? "" : stem[(dash + 1)..];
        byte quality = 0;
        if (dash < 0 || !CodecModels.Names.Contains(stem[..dash]) || !(rate == "variable" || rate.StartsWith('q') && byte.TryParse(rate[1..], out quality)))
            throw new WorkbenchException($"{path}: expected a trained codec model named MODEL-qQ.dat or MODEL-variable.dat (MODEL one of {string.Join(", ", CodecModels.Names)})");
        var id = CodecModels.Parse(stem[..dash]);
        var checkpoints = new CodecCheckpoints(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var info = rate == "variable" ? checkpoints.VariableRateInfo(id) : checkpoints.Info(id, quality);
        var model = info.RateLevels is { } levels
            ? CodecCheckpoints.LoadVariableRateWeights(checkpoints.Folder, id, info.N, info.M, levels, info.EntropyModel, info.Hcfssnet)
            : CodecCheckpoints.LoadWeights(checkpoints.Folder, id, quality, info.N, info.M, info.EntropyModel, hcfssnet: info.Hcfssnet);
        model.eval();
        var config = new CodecModelConfig { Kind = CodecModels.Name(id), N = info.N, M = info.M, EntropyModel = info.EntropyModel, Hcfssnet = info.Hcfssnet };
        var spec = InteropSpec.ForCodec(config, info.RateLevels?.FirstQuality ?? quality, info.Lambdas, info, null, null, null);
        return (model, spec, config.Kind);
    }
}
