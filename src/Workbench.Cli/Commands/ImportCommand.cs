using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Models.Codec;
using Workbench.Training.Codec;
using Workbench.Training.Interop;

namespace Workbench.Cli.Commands;

/// <summary>
/// <c>workbench import FILE --kind fno2d|hyperprior|hcfssnet ... --out DIR</c>: a PyTorch state dict into a run folder
/// (fno2d) or a trained-models folder (the codecs: MODEL-qQ, or MODEL-variable for a variable-rate model).
/// </summary>
public static class ImportCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var file = new Argument<string>("file") { Description = "State dict: .safetensors, or .pt/.pth written by torch.save(model.state_dict())." };
        var kind = new Option<string>("--kind")
        {
            Description = "fno2d (writes a run folder), hyperprior or hcfssnet (write MODEL-qQ or MODEL-variable .dat/.json into a trained-models folder).",
            Required = true,
        };
        kind.AcceptOnlyFromAmong([Fno2dImportConfig.Kind, .. CodecModels.Names]);
        var output = new Option<string>("--out") { Description = "fno2d: the run folder to create; a codec: the trained-models folder.", Required = true };
        var config = new Option<string?>("--config") { Description = "fno2d: experiment file whose model and data sections the run takes (flags override model fields)." };
        var data = new Option<string?>("--data") { Description = "fno2d without --config: HDF5 dataset eval measures on (split 0:0.8/0.8:0.9/0.9:1.0)." };
        var inChannels = new Option<int?>("--in-channels") { Description = "fno2d: input channels." };
        var outChannels = new Option<int?>("--out-channels") { Description = "fno2d: output channels." };
        var width = new Option<int?>("--width") { Description = "fno2d: channels of the Fourier layers." };
        var modes1 = new Option<int?>("--modes1") { Description = "fno2d: retained modes per side on the first axis." };
        var modes2 = new Option<int?>("--modes2") { Description = "fno2d: retained modes on the rfft half axis." };
        var layers = new Option<int?>("--layers") { Description = "fno2d: Fourier layers." };
        var batchNorm = new Option<bool?>("--batch-norm") { Description = "fno2d: BatchNorm after each Fourier layer (the first FNO release)." };
        var n = new Option<int?>("--n") { Description = "codec: channels N of the transforms and of z (default: the file's spec)." };
        var m = new Option<int?>("--m") { Description = "codec: channels M of the latent y (default: the file's spec)." };
        var quality = new Option<int?>("--quality")
        {
            Description = "codec: quality index it is stored under, for a variable-rate model its first level's (default: the file's spec).",
        };
        var lambda = new Option<double?>("--lambda") { Description = "codec: rate-distortion weight it was trained for (needed for files the workbench did not export)." };
        var lambdas = new Option<double[]>("--lambdas")
        {
            Description = "codec: a variable-rate model's lambdas, one quality level each from --quality on (default: the file's spec).",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("import",
            "Load a PyTorch state dict (PyTorch names; README, \"PyTorch interop\") into the workbench's own run or trained-model files.")
        {
            file, kind, output, config, data, inChannels, outChannels, width, modes1, modes2, layers, batchNorm, n, m, quality, lambda, lambdas,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var path = parse.GetValue(file)!;
            var target = parse.GetValue(output)!;
            if (parse.GetValue(kind) == Fno2dImportConfig.Kind)
            {
                var flags = new Fno2dFlags(parse.GetValue(inChannels), parse.GetValue(outChannels), parse.GetValue(width), parse.GetValue(modes1),
                    parse.GetValue(modes2), parse.GetValue(layers), parse.GetValue(batchNorm));
                var experiment = Fno2dImportConfig.Resolve(path, parse.GetValue(config), parse.GetValue(data), flags,
                    Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(target))));
                ModelImport.ToRun(path, experiment, target);
                ctx.Output.WriteLine($"run folder: {Path.GetFullPath(target)}");
                return 0;
            }
            var codec = parse.GetValue(kind)!;
            var spec = StateDictFile.ReadSpec(path);
            var own = InteropSpec.Model<CodecModelConfig>(spec, path);
            if (own is not null && own.Kind != codec) throw new DataFileException($"{path}: holds a {own.Kind} model, not {codec}");
            var model = new CodecModelConfig
            {
                Kind = codec,
                N = parse.GetValue(n) ?? own?.N ?? throw new WorkbenchException($"{path}: carries no workbench spec; give --n and --m"),
                M = parse.GetValue(m) ?? own?.M ?? throw new WorkbenchException($"{path}: carries no workbench spec; give --n and --m"),
                EntropyModel = own?.EntropyModel ?? EntropyModel.Scale,
                Hcfssnet = own?.Hcfssnet,
            };
            var levels = InteropSpec.RateLevels(spec, path);
            var q = parse.GetValue(quality) ?? levels?.FirstQuality ?? spec?["quality"]?.GetValue<int>()
                ?? throw new WorkbenchException($"{path}: carries no quality; give --quality");
            if (q is < 1 or > 255) throw new WorkbenchException($"--quality: expected 1..255, got {q}");
            if ((parse.GetValue(lambdas) is { Length: > 0 } given ? given : levels?.Lambdas) is { } rates)
            {
                if (parse.GetValue(lambda) is not null) throw new WorkbenchException("--lambda: a variable-rate model takes --lambdas");
                if (rates.Any(r => !(r > 0))) throw new WorkbenchException("--lambdas: expected positive numbers");
                ModelImport.ToVariableRateCodec(path, model, (byte)q, rates, target);
                ctx.Output.WriteLine($"{codec}-variable -> {Path.GetFullPath(target)}");
                return 0;
            }
            ModelImport.ToTrainedCodec(path, model, (byte)q, parse.GetValue(lambda), target);
            ctx.Output.WriteLine($"{codec}-q{q} -> {Path.GetFullPath(target)}");
            return 0;
        });
        return command;
    }
}
