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
/// trained codec model NAME-qQ.dat of a trained-models folder such as models/codec.
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
        if (!Directory.Exists(source)) throw new WorkbenchException($"{source}: expected a run folder or a trained codec model MODEL-qQ.dat");
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
        if (config.Lambdas is not null)
            throw new WorkbenchException($"{run.Root}: a variable-rate codec run; its spec has no field for the quality levels, so only fixed-rate codecs are exported");
        var model = CodecModels.Create(config.ModelId, config.Model.N, config.Model.M, entropyModel: config.Model.EntropyModel, hcfssnet: config.Model.Hcfssnet);
        try
        {
            var state = Checkpoint.Load(run.CheckpointNamed(checkpoint), model, optimizers: []);
            model.eval();
            return (model, InteropSpec.ForCodec(config.Model, config.Quality, null, checkpoint, state.Epoch, state.Step), config.Model.Kind);
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
        var dash = stem.LastIndexOf("-q", StringComparison.Ordinal);
        if (dash < 0 || !byte.TryParse(stem[(dash + 2)..], out var quality) || !CodecModels.Names.Contains(stem[..dash]))
            throw new WorkbenchException($"{path}: expected a trained codec model named MODEL-qQ.dat (MODEL one of {string.Join(", ", CodecModels.Names)})");
        var id = CodecModels.Parse(stem[..dash]);
        var checkpoints = new CodecCheckpoints(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var info = checkpoints.Info(id, quality);
        var model = CodecCheckpoints.LoadWeights(checkpoints.Folder, id, quality, info.N, info.M, info.EntropyModel, hcfssnet: info.Hcfssnet);
        model.eval();
        var config = new CodecModelConfig { Kind = CodecModels.Name(id), N = info.N, M = info.M, EntropyModel = info.EntropyModel, Hcfssnet = info.Hcfssnet };
        return (model, InteropSpec.ForCodec(config, quality, info, null, null, null), config.Kind);
    }
}
