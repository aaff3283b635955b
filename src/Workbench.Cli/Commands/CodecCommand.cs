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

namespace Workbench.Cli.Commands;

/// <summary>
/// <c>workbench codec compress|decompress|evaluate|train</c>: the learned image codec on PNG files and .wbc codec files.
/// Trained models are read from (and written to) --models, by default models/codec of the checkout.
/// </summary>
public static class CodecCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("codec", "Learned image compression: PNG to codec file and back, rate-distortion evaluation, training.");
        command.Add(Compress(context));
        command.Add(Decompress(context));
        command.Add(Evaluate(context));
        command.Add(Train(context));
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
        var input = new Argument<string>("IN.png") { Description = "PNG image to compress." };
        var output = new Argument<string>("OUT.wbc") { Description = "Codec file to write." };
        var model = ModelOption();
        var quality = new Option<int>("--quality") { Description = "Quality level (a trained model must exist for it).", DefaultValueFactory = _ => 3 };
        var models = ModelsOption();
        var command = new Command("compress", "Compress a PNG image into a codec file.") { input, output, model, quality, models };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var level = Quality(parse.GetValue(quality));
            var checkpoints = new CodecCheckpoints(parse.GetValue(models)!);
            var network = checkpoints.Load(CodecModels.Parse(parse.GetValue(model)!), level);
            var image = ReadPng(parse.GetValue(input)!);
            var clock = Stopwatch.StartNew();
            var bytes = ImageCodec.Compress(network, image, level);
            AtomicFile.WriteAllBytes(parse.GetValue(output)!, bytes);
            ctx.Output.WriteLine($"{parse.GetValue(output)}: {bytes.Length} bytes, {8.0 * bytes.Length / ((double)image.Width * image.Height):F4} bpp ({image.Width} x {image.Height}, quality {level}, {clock.Elapsed.TotalSeconds:F2} s)");
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
        var qualities = new Option<int[]>("--qualities") { Description = "Qualities to evaluate (default: every trained one).", AllowMultipleArgumentsPerToken = true };
        var model = ModelOption();
        var models = ModelsOption();
        var command = new Command("evaluate", "Rate (bpp from the file size), PSNR, MS-SSIM and times per image and quality.") { images, json, qualities, model, models };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var levels = (parse.GetValue(qualities) ?? []).Select(Quality).ToArray();
            var report = CodecEvaluation.Run(new CodecCheckpoints(parse.GetValue(models)!), CodecModels.Parse(parse.GetValue(model)!), parse.GetValue(images)!, levels, ctx.Output.WriteLine);
            foreach (var mean in report.Mean)
                ctx.Output.WriteLine($"quality {mean.Quality}: mean {mean.Bpp:F4} bpp, {mean.Psnr:F2} dB, MS-SSIM {mean.MsSsim:F4}");
            AtomicFile.WriteAllText(parse.GetValue(json)!, JsonSerializer.Serialize(report, Json) + "\n");
            return 0;
        });
        return command;
    }

    private static Command Train(Func<ParseResult, CliContext> context)
    {
        var images = new Option<string[]>("--images") { Description = "Training PNG images (never the evaluation images).", Required = true, AllowMultipleArgumentsPerToken = true };
        var quality = new Option<int>("--quality") { Description = "Quality level the checkpoint is saved under.", Required = true };
        var lambda = new Option<double>("--lambda") { Description = "Rate-distortion trade-off (loss = lambda 255^2 MSE + bpp).", Required = true };
        var steps = new Option<int>("--steps") { Description = "Optimiser steps.", DefaultValueFactory = _ => 2000 };
        var batch = new Option<int>("--batch") { Description = "Patches per step.", DefaultValueFactory = _ => 8 };
        var patch = new Option<int>("--patch") { Description = "Patch size in pixels (a multiple of 64).", DefaultValueFactory = _ => 128 };
        var rate = new Option<double>("--lr") { Description = "Adam learning rate.", DefaultValueFactory = _ => 1e-4 };
        var auxRate = new Option<double>("--aux-lr") { Description = "Adam learning rate of the entropy bottleneck's quantiles.", DefaultValueFactory = _ => 1e-3 };
        var n = new Option<int>("--n") { Description = "Channels N of the transforms.", DefaultValueFactory = _ => new ScaleHyperpriorOptions().N };
        var m = new Option<int>("--m") { Description = "Channels M of the latent.", DefaultValueFactory = _ => new ScaleHyperpriorOptions().M };
        var model = ModelOption();
        var maxSeconds = new Option<double?>("--max-seconds") { Description = "Stop after the step that reaches this training time (the saved steps say how many ran)." };
        var models = ModelsOption();
        var from = new Option<string?>("--from")
        {
            Description = "Folder holding a trained checkpoint of this model and quality to continue from (its N and M; --steps more steps, the learning-rate drop at the end of these).",
        };
        var command = new Command("train", "Train a codec model for one quality on random patches and save it to --models.")
        {
            images, quality, lambda, steps, batch, patch, rate, auxRate, n, m, model, maxSeconds, models, from,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var level = Quality(parse.GetValue(quality));
            if (parse.GetValue(patch) % ScaleHyperpriorOptions.PadMultiple != 0 || parse.GetValue(patch) < ScaleHyperpriorOptions.PadMultiple)
                throw new ConfigException($"codec train: --patch must be a positive multiple of {ScaleHyperpriorOptions.PadMultiple}, got {parse.GetValue(patch)}");
            if (parse.GetValue(steps) < 1 || parse.GetValue(batch) < 1 || !(parse.GetValue(lambda) > 0) || !(parse.GetValue(rate) > 0) || !(parse.GetValue(auxRate) > 0))
                throw new ConfigException("codec train: --steps, --batch, --lambda, --lr and --aux-lr must be positive");
            if (parse.GetValue(maxSeconds) is <= 0) throw new ConfigException("codec train: --max-seconds must be positive");
            var options = new CodecTrainingOptions(parse.GetValue(images)!, parse.GetValue(lambda), parse.GetValue(steps), parse.GetValue(batch),
                parse.GetValue(patch), parse.GetValue(rate), parse.GetValue(auxRate), ctx.Seed, Device: ctx.Device, MaxSeconds: parse.GetValue(maxSeconds));
            var id = CodecModels.Parse(parse.GetValue(model)!);
            var start = parse.GetValue(from) is { } folder ? new CodecCheckpoints(folder) : null;
            var prior = start?.Info(id, level);
            var (channels, latent) = (prior?.N ?? parse.GetValue(n), prior?.M ?? parse.GetValue(m));
            bool GivenOtherThan(Option<int> option, int value) => parse.GetResult(option) is { Implicit: false } && parse.GetValue(option) != value;
            if (prior is not null && (GivenOtherThan(n, prior.N) || GivenOtherThan(m, prior.M)))
                throw new ConfigException($"codec train: --n {parse.GetValue(n)} --m {parse.GetValue(m)} differ from the checkpoint in {start!.Folder} (N {prior.N}, M {prior.M})");
            if (prior is not null) ctx.Output.WriteLine($"continuing from {start!.Folder} after {prior.Steps} steps");
            var clock = Stopwatch.StartNew();
            var trained = CodecTrainer.Train(() => start?.Load(id, level) ?? CodecModels.Create(id, channels, latent), options, ctx.Output.WriteLine);
            var info = new CodecCheckpointInfo(channels, latent, options.Lambda, trained.Steps, options.BatchSize, options.PatchSize,
                options.LearningRate, options.Seed, options.ImagesInDrawOrder.Select(Path.GetFileName).ToArray()!, Math.Round(clock.Elapsed.TotalSeconds, 1)).After(prior);
            new CodecCheckpoints(parse.GetValue(models)!).Save(level, trained.Model, info);
            var saved = $"saved {CodecModels.Name(id)}-q{level} to {parse.GetValue(models)} after {info.Steps} steps";
            if (trained.StoppedBy is { } signal) throw new RunStoppedException(signal, $"{saved}; continue with --from {parse.GetValue(models)}");
            ctx.Output.WriteLine($"{saved}, {clock.Elapsed.TotalSeconds:F0} s");
            return 0;
        });
        return command;
    }

    /// <summary>A file that is not a PNG the decoder accepts is the user's to fix: one line, exit 1.</summary>
    private static RasterImage ReadPng(string path)
    {
        try
        {
            return PngDecoder.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException(e.Message, e);
        }
    }

    private static byte Quality(int value) =>
        value is >= 1 and <= 255 ? (byte)value : throw new ConfigException($"codec: --quality must be in 1..255, got {value}");

    private static string DefaultModelFolder() =>
        Path.Combine(RepositoryPaths.Root() ?? AppContext.BaseDirectory, "models", "codec");
}
