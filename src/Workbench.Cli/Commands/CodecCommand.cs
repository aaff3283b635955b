using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Core.Runtime;
using Workbench.Core.IO;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using Workbench.Training.Codec;
using Workbench.Training.Runs;

namespace Workbench.Cli.Commands;

/// <summary>
/// <c>workbench codec compress|decompress|evaluate|train|convert</c>: the learned image codec on PNG and JPEG images and .wbc codec files.
/// Trained models are read from (and written to) --models, by default models/codec of the checkout.
/// </summary>
public static class CodecCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("codec", "Learned image compression: PNG or JPEG to codec file, back to PNG, rate-distortion evaluation, training.");
        command.Add(Compress(context));
        command.Add(Decompress(context));
        command.Add(Evaluate(context));
        command.Add(Train(context));
        command.Add(Convert(context));
        return command;
    }

    private static Option<string> ModelsOption() =>
        new("--models") { Description = "Folder of trained codec models.", DefaultValueFactory = _ => DefaultModelFolder() };

    private static Option<string> ModelOption()
    {
        var option = new Option<string>("--model") { Description = $"Codec model: {string.Join(" or ", CodecModels.Names)}.", DefaultValueFactory = _ => "hyperprior" };
        option.AcceptOnlyFromAmong([.. CodecModels.Names]);
        return option;
    }

    private static Command Compress(Func<ParseResult, CliContext> context)
    {
        var input = new Argument<string>("IN") { Description = "PNG (8 or 16 bits, grey, RGB or with alpha) or JPEG image to compress." };
        var output = new Argument<string>("OUT.wbc") { Description = "Codec file to write." };
        var model = ModelOption();
        var quality = new Option<double>("--quality")
        {
            Description = "Quality level: a whole one with a fixed-rate model of it, any within a variable-rate model's levels (two decimals at most).",
            DefaultValueFactory = _ => 3,
        };
        var models = ModelsOption();
        var command = new Command("compress", "Compress a PNG or JPEG image into a codec file (grey is replicated to RGB, alpha composited over white).") { input, output, model, quality, models };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var checkpoints = new CodecCheckpoints(parse.GetValue(models)!);
            var id = CodecModels.Parse(parse.GetValue(model)!);
            var level = checkpoints.Choose(id, CodecQuality.ToHundredths(parse.GetValue(quality)));
            var network = checkpoints.Load(id, level);
            var path = parse.GetValue(input)!;
            var image = ReadImage(path);
            var clock = Stopwatch.StartNew();
            byte[] bytes;
            try
            {
                bytes = ImageCodec.Compress(network, image, level);
            }
            catch (DataFileException e)
            {
                throw new DataFileException($"{path}: {e.Message}", e);
            }
            AtomicFile.WriteAllBytes(parse.GetValue(output)!, bytes);
            ctx.Output.WriteLine($"{parse.GetValue(output)}: {bytes.Length} bytes, {8.0 * bytes.Length / ((double)image.Width * image.Height):F4} bpp ({image.Width} x {image.Height}, quality {level}{(level.VariableRate ? ", variable rate" : "")}, {clock.Elapsed.TotalSeconds:F2} s)");
            return 0;
        });
        return command;
    }

    private static Command Decompress(Func<ParseResult, CliContext> context)
    {
        var input = new Argument<string>("IN.wbc") { Description = "Codec file to decode." };
        var output = new Argument<string>("OUT.png") { Description = "PNG image to write." };
        var models = ModelsOption();
        var command = new Command("decompress", "Decode a codec file into a PNG image.") { input, output, models };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var path = parse.GetValue(input)!;
            if (!File.Exists(path)) throw new DataFileException($"{path}: no such codec file");
            var checkpoints = new CodecCheckpoints(parse.GetValue(models)!);
            RasterImage image;
            try
            {
                image = ImageCodec.Decompress(File.ReadAllBytes(path), checkpoints.Load);
            }
            catch (DataFileException e)
            {
                throw new DataFileException($"{path}: {e.Message}");
            }
            PngEncoder.Write(parse.GetValue(output)!, image);
            ctx.Output.WriteLine($"{parse.GetValue(output)}: {image.Width} x {image.Height}");
            return 0;
        });
        return command;
    }

    private static Command Evaluate(Func<ParseResult, CliContext> context)
    {
        var images = new Option<string>("--images") { Description = "Folder of PNG images.", Required = true };
        var json = new Option<string>("--json") { Description = "Write the per-image, per-quality results as JSON.", Required = true };
        var qualities = new Option<double[]>("--qualities")
        {
            Description = "Qualities to evaluate (default: every trained one; between the levels of a variable-rate model too).",
            AllowMultipleArgumentsPerToken = true,
        };
        var estimate = new Option<bool>("--estimate")
        {
            Description = "Measure without codec files: bpp from the model's likelihoods of y and z (eval-mode forward), PSNR and MS-SSIM of its " +
                          "8-bit reconstruction; any model, also one that codes no files.",
        };
        var model = ModelOption();
        var models = ModelsOption();
        var command = new Command("evaluate", "Rate (bpp from the file size, or estimated), PSNR, MS-SSIM and times per image and quality.")
        {
            images, json, qualities, estimate, model, models,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var checkpoints = new CodecCheckpoints(parse.GetValue(models)!);
            var id = CodecModels.Parse(parse.GetValue(model)!);
            var levels = (parse.GetValue(qualities) ?? []).Select(q => checkpoints.Choose(id, CodecQuality.ToHundredths(q))).ToArray();
            var report = CodecEvaluation.Run(checkpoints, id, parse.GetValue(images)!, levels, ctx.Output.WriteLine, parse.GetValue(estimate));
            foreach (var mean in report.Mean)
                ctx.Output.WriteLine($"quality {mean.Quality}: mean {mean.Bpp:F4} bpp, {mean.Psnr:F2} dB, MS-SSIM {mean.MsSsim:F4}");
            AtomicFile.WriteAllText(parse.GetValue(json)!, JsonSerializer.Serialize(report, Json) + "\n");
            return 0;
        });
        return command;
    }

    private static Command Train(Func<ParseResult, CliContext> context)
    {
        var experiment = new Argument<string?>("experiment")
        {
            Description = "Codec experiment config (JSON with \"task\": \"codec\"); without it the options below describe the run.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var images = new Option<string[]>("--images") { Description = "Training PNG images or folders of them (never the evaluation images).", AllowMultipleArgumentsPerToken = true };
        var quality = new Option<int?>("--quality") { Description = "Quality level the trained model is saved under (with --lambdas: the first level's)." };
        var lambda = new Option<double?>("--lambda") { Description = "Rate-distortion trade-off (loss = lambda 255^2 MSE + bpp)." };
        var lambdas = new Option<double[]>("--lambdas")
        {
            Description = "A variable-rate model instead: one quality level per lambda from --quality on, each step trains a level drawn from (seed, step).",
            AllowMultipleArgumentsPerToken = true,
        };
        var steps = new Option<int>("--steps") { Description = "Optimiser steps.", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch") { Description = "Patches per step.", DefaultValueFactory = _ => 8 };
        var patch = new Option<int>("--patch") { Description = "Patch size in pixels (a multiple of 64).", DefaultValueFactory = _ => 128 };
        var rate = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-4 };
        var auxRate = new Option<double>("--aux-lr") { Description = "Adam learning rate of the entropy bottleneck's quantiles.", DefaultValueFactory = _ => 1e-3 };
        var n = new Option<int>("--n") { Description = "Channels N of the transforms.", DefaultValueFactory = _ => new ScaleHyperpriorOptions().N };
        var m = new Option<int>("--m") { Description = "Channels M of the latent.", DefaultValueFactory = _ => new ScaleHyperpriorOptions().M };
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Steps per round: a metrics line and a checkpoint after each.", DefaultValueFactory = _ => 100 };
        var model = ModelOption();
        var entropyModel = new Option<string?>("--entropy-model")
        {
            Description = "Entropy model of the latent: scale (zero-mean Gaussian) or mean_scale (means and scales from the hyperprior); " +
                          "default scale, or with --from the checkpoint's. A scale checkpoint starts a mean_scale model with its mean head at zero.",
        };
        entropyModel.AcceptOnlyFromAmong([.. EntropyModels.Names]);
        var scanHeadSize = new Option<int?>("--scan-head-size")
        {
            Description = $"hcfssnet: channels sharing one scan step size and decay (1: per-channel steps; default {new HcfssnetArchitecture().ScanHeadSize}).",
        };
        var vfssStrides = new Option<int[]>("--vfss-strides")
        {
            Description = $"hcfssnet: strides among 2, 4, 8, 16 whose GDN a VFSS block follows in g_a (mirrored in g_s; default " +
                          $"{string.Join(" ", new HcfssnetArchitecture().VfssStrides.Strides())}; the option alone: none).",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
        };
        var fstamInHyperSynthesis = new Option<bool>("--fstam-in-hyper-synthesis")
        {
            Description = "hcfssnet: an FSTAM block also in the hyper-synthesis (trains and evaluates with --estimate, codes no files).",
        };
        var maxSeconds = TrainCommand.MaxSecondsOption();
        var models = ModelsOption();
        var from = new Option<string?>("--from")
        {
            Description = "Folder of trained codec models whose checkpoint of this model and quality (variable-rate: its variable-rate model) gives " +
                          "the starting weights (its N and M; a warm start: the optimiser starts afresh; --resume continues a run exactly).",
        };
        var fromQuality = new Option<int?>("--from-quality")
        {
            Description = "With --lambdas: start from --from's fixed-rate checkpoint of this quality (transforms copied, gains sqrt(lambda / the checkpoint's lambda)).",
        };
        var output = new Option<string?>("--out") { Description = "Run folder to create (default runs/codec/MODEL-qQ)." };
        var resume = new Option<string?>("--resume") { Description = "Continue the codec run in this folder exactly (optimisers, schedule, patches)." };
        var command = new Command("train", "Train a codec model for one quality (or a variable-rate one for several) in a run folder, then save it to --models.")
        {
            experiment, images, quality, lambda, lambdas, steps, batch, patch, rate, auxRate, n, m, checkpointEvery, model, entropyModel, scanHeadSize,
            vfssStrides, fstamInHyperSynthesis, maxSeconds, models, from, fromQuality, output, resume,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            if (parse.GetValue(resume) is { } resumeDir)
            {
                var run = new RunFolder(resumeDir);
                if (!File.Exists(run.ConfigPath)) throw new WorkbenchException($"{run.Root}: not a run folder (config.json missing)");
                return RunExperiment(ctx, CodecExperimentConfig.Load(run.ConfigPath), resumeDir, null, parse.GetValue(maxSeconds));
            }
            if (parse.GetValue(experiment) is { } path)
                return RunExperiment(ctx, CodecExperimentConfig.Load(path), null, parse.GetValue(output), parse.GetValue(maxSeconds));

            var levels = parse.GetValue(lambdas) is { Length: > 0 } list ? list : null;
            if (parse.GetValue(images) is not { Length: > 0 } given || parse.GetValue(quality) is not { } level || (parse.GetValue(lambda) is null) == (levels is null))
                throw new ConfigException("codec train: expected an experiment config, --resume RUN_DIR, or --images, --quality and --lambda (or --lambdas)");
            var id = CodecModels.Parse(parse.GetValue(model)!);
            if (parse.GetValue(fromQuality) is not null && (levels is null || parse.GetValue(from) is null))
                throw new ConfigException("codec train: --from-quality starts a variable-rate model (--lambdas) from a fixed-rate checkpoint in --from");
            var prior = parse.GetValue(from) is not { } folder ? null
                : levels is not null && parse.GetValue(fromQuality) is null ? new CodecCheckpoints(folder).VariableRateInfo(id)
                : new CodecCheckpoints(folder).Info(id, Quality(parse.GetValue(fromQuality) ?? level));
            bool GivenOtherThan(Option<int> option, int value) => parse.GetResult(option) is { Implicit: false } && parse.GetValue(option) != value;
            if (prior is not null && (GivenOtherThan(n, prior.N) || GivenOtherThan(m, prior.M)))
                throw new ConfigException($"codec train: --n {parse.GetValue(n)} --m {parse.GetValue(m)} differ from the checkpoint in {parse.GetValue(from)} (N {prior.N}, M {prior.M})");
            if (prior is not null) ctx.Output.WriteLine($"starting from the weights in {parse.GetValue(from)} after {prior.Steps} steps");
            var architectureGiven = parse.GetResult(scanHeadSize) is not null || parse.GetResult(vfssStrides) is not null || parse.GetValue(fstamInHyperSynthesis);
            if (architectureGiven && id != CodecModelId.Hcfssnet)
                throw new ConfigException($"codec train: --scan-head-size, --vfss-strides and --fstam-in-hyper-synthesis apply to --model hcfssnet, not {CodecModels.Name(id)}");
            var defaults = prior?.Hcfssnet ?? new HcfssnetArchitecture();
            var architecture = !architectureGiven ? prior?.Hcfssnet : new HcfssnetArchitecture(
                parse.GetValue(scanHeadSize) ?? defaults.ScanHeadSize,
                parse.GetResult(vfssStrides) is null ? defaults.VfssStrides : VfssStrideSet.Of(parse.GetValue(vfssStrides) ?? []),
                parse.GetValue(fstamInHyperSynthesis) || defaults.FstamInHyperSynthesis);
            var config = new CodecExperimentConfig
            {
                Name = levels is null ? $"{CodecModels.Name(id)}-q{level}" : $"{CodecModels.Name(id)}-variable",
                Seed = ctx.Seed,
                Model = new CodecModelConfig
                {
                    Kind = CodecModels.Name(id),
                    N = prior?.N ?? parse.GetValue(n),
                    M = prior?.M ?? parse.GetValue(m),
                    EntropyModel = parse.GetValue(entropyModel) is { } named ? EntropyModels.Parse(named) : prior?.EntropyModel ?? EntropyModel.Scale,
                    Hcfssnet = HcfssnetArchitecture.UnlessDefault(architecture),
                },
                Images = given,
                Quality = level,
                Lambda = parse.GetValue(lambda) ?? 0,
                Lambdas = levels,
                Steps = parse.GetValue(steps),
                BatchSize = parse.GetValue(batch),
                PatchSize = parse.GetValue(patch),
                Lr = parse.GetValue(rate),
                AuxLr = parse.GetValue(auxRate),
                CheckpointEvery = parse.GetValue(checkpointEvery),
                InitFrom = parse.GetValue(from),
                InitQuality = parse.GetValue(fromQuality),
                SaveTo = parse.GetValue(models),
            };
            var problem = config.Problems().FirstOrDefault();
            if (problem is not null) throw new ConfigException($"codec train: {problem}");
            return RunExperiment(ctx, config, null, parse.GetValue(output) ?? Path.Combine("runs", "codec", config.Name), parse.GetValue(maxSeconds));
        });
        return command;
    }

    private static Command Convert(Func<ParseResult, CliContext> context)
    {
        var output = new Option<string>("--out") { Description = "Folder to write the converted models to (may be --models itself).", Required = true };
        var bits = new Option<int>("--weight-bits") { Description = "Storage of floating-point weights: 16 (float16) or 32.", Required = true };
        bits.AcceptOnlyFromAmong("16", "32");
        var kept = new Option<string[]>("--keep-float32")
        {
            Description = $"At 16 bits, tensors whose names end so stay float32 (default: {string.Join(", ", CompactCodecWeights.KeptFloat32)}; the option alone: none).",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [.. CompactCodecWeights.KeptFloat32],
        };
        var models = ModelsOption();
        var command = new Command("convert", "Rewrite every model of --models (fixed- and variable-rate) with its weights stored at --weight-bits (the computation stays float32).")
        {
            output, bits, kept, models,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var source = new CodecCheckpoints(parse.GetValue(models)!);
            var target = new CodecCheckpoints(parse.GetValue(output)!);
            // The option given without names keeps none; System.CommandLine would hand back the default then.
            var keptNames = parse.GetResult(kept) is { Implicit: false, Tokens.Count: 0 } ? [] : parse.GetValue(kept)!;
            var ids = CodecModels.Names.Select(CodecModels.Parse).ToArray();
            var converted = ids.SelectMany(id => source.Qualities(id).Select(q => (id, q))).ToArray();
            var variable = ids.Where(source.HasVariableRate).ToArray();
            if (converted.Length == 0 && variable.Length == 0) throw new DataFileException($"{source.Folder}: no trained codec models");
            Directory.CreateDirectory(target.Folder);
            foreach (var (id, quality) in converted)
            {
                var info = source.Info(id, quality) with { WeightBits = parse.GetValue(bits) };
                target.Save(quality, source.Load(id, quality), info, keptNames);
                ctx.Output.WriteLine($"{CodecModels.Name(id)}-q{quality}: {info.WeightBits}-bit weights in {target.Folder}");
            }
            foreach (var id in variable)
            {
                var info = source.VariableRateInfo(id) with { WeightBits = parse.GetValue(bits) };
                target.SaveVariableRate(source.Load(id, new CodecQuality(100 * info.FirstQuality, VariableRate: true)), info, keptNames);
                ctx.Output.WriteLine($"{CodecModels.Name(id)}-variable: {info.WeightBits}-bit weights in {target.Folder}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>Trains (or resumes) a codec experiment in a run folder and reports where it stands.</summary>
    public static int RunExperiment(CliContext ctx, CodecExperimentConfig config, string? resumeDir, string? output, double? maxSeconds)
    {
        if (maxSeconds is <= 0) throw new ConfigException("codec train: --max-seconds must be positive");
        if (resumeDir is not null && output is not null) throw new WorkbenchException("train: --out and --resume cannot be combined");
        if (resumeDir is null && ctx.SeedGiven) config = config with { Seed = ctx.Seed };
        var run = new RunFolder(resumeDir ?? output ?? Path.Combine("runs", config.Name));
        ctx.ConfigureRuntime();
        var (device, request) = ctx.DeviceFor(config.Device);
        var summary = CodecRun.Train(config, run, resumeDir is not null, device, ctx.Progress, request, maxSeconds);
        ctx.Output.WriteLine($"run folder: {run.Root}");
        ctx.Output.WriteLine($"final: {summary["final"]!.ToJsonString()}");
        return 0;
    }

    /// <summary>A file that is not a PNG or JPEG the decoders accept is the user's to fix: one line, exit 1.</summary>
    private static RasterImage ReadImage(string path)
    {
        try
        {
            return ImageDecoder.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(e.Message, e);
        }
    }

    private static byte Quality(int value) =>
        value is >= 1 and <= 255 ? (byte)value : throw new ConfigException($"codec: --quality must be in 1..255, got {value}");

    /// <summary>models/codec of the source checkout (or beside the executable outside one).</summary>
    internal static string DefaultModelFolder() =>
        Path.Combine(RepositoryPaths.Root() ?? AppContext.BaseDirectory, "models", "codec");
}
