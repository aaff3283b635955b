using System.Diagnostics;
using System.Text.Json.Serialization;
using Workbench.Core.Errors;
using Workbench.Data.Images;
using Workbench.Models.Codec;

namespace Workbench.Training.Codec;

/// <summary>
/// One image at one quality: rate from the codec file's size, distortion of the decoded image, wall times. With an
/// estimated rate (<see cref="CodecRateEstimate"/>) there is no file: <see cref="Bytes"/> and <see cref="DecodeSeconds"/>
/// are null and <see cref="EncodeSeconds"/> is the time of the forward pass and its measurement.
/// </summary>
public sealed record CodecMeasurement(string Image, int Width, int Height, double Quality, long? Bytes, double Bpp, double Psnr, double MsSsim,
    double EncodeSeconds, double? DecodeSeconds);

/// <summary>Per-quality means over the images.</summary>
public sealed record CodecSummary(double Quality, double Bpp, double Psnr, double MsSsim);

/// <summary>The measurements and their means; <see cref="EstimatedRate"/> (written only when true) says the rates are estimates.</summary>
public sealed record CodecEvaluationReport(string Model, IReadOnlyList<string> Images, IReadOnlyList<CodecMeasurement> Results, IReadOnlyList<CodecSummary> Mean,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool EstimatedRate = false);

/// <summary>
/// Compresses every PNG of a folder at the given qualities (default: every trained one, the whole qualities of a
/// variable-rate model), decodes the files and measures them; or, with <c>estimate</c>, measures each image's
/// estimated rate and forward reconstruction instead (<see cref="CodecRateEstimate"/>), which any model has.
/// </summary>
public static class CodecEvaluation
{
    public static CodecEvaluationReport Run(CodecCheckpoints checkpoints, CodecModelId model, string imageFolder, IReadOnlyList<CodecQuality>? qualities, Action<string> log,
        bool estimate = false)
    {
        if (!Directory.Exists(imageFolder)) throw new DataFileException($"{imageFolder}: no such folder of images");
        var images = Directory.GetFiles(imageFolder, "*.png").Order(StringComparer.Ordinal).ToArray();
        if (images.Length == 0) throw new DataFileException($"{imageFolder}: no PNG images");
        var levels = qualities is { Count: > 0 } ? qualities : TrainedQualities(checkpoints, model);
        if (levels.Count == 0) throw new DataFileException($"{checkpoints.Folder}: no trained {CodecCheckpoints.Name(model)} models");

        var results = new List<CodecMeasurement>();
        foreach (var path in images)
        {
            var image = PngDecoder.Read(path);
            var reference = image.ToRgb();
            foreach (var quality in levels)
            {
                var network = checkpoints.Load(model, quality);
                var measurement = estimate
                    ? CodecRateEstimate.Measure(network, Path.GetFileName(path), image, reference, quality)
                    : FromFile(checkpoints, network, Path.GetFileName(path), image, reference, quality);
                results.Add(measurement);
                log($"{measurement.Image} q{quality}: {measurement.Bpp:F4} bpp{(estimate ? " (estimated)" : "")}, {measurement.Psnr:F2} dB, " +
                    $"MS-SSIM {measurement.MsSsim:F4}, {(estimate ? $"forward {measurement.EncodeSeconds:F2} s" : $"encode {measurement.EncodeSeconds:F2} s, decode {measurement.DecodeSeconds:F2} s")}");
            }
        }
        var mean = results.GroupBy(r => r.Quality).OrderBy(g => g.Key)
            .Select(g => new CodecSummary(g.Key, g.Average(r => r.Bpp), g.Average(r => r.Psnr), g.Average(r => r.MsSsim))).ToArray();
        return new CodecEvaluationReport(CodecCheckpoints.Name(model), images.Select(Path.GetFileName).ToArray()!, results, mean, estimate);
    }

    private static CodecMeasurement FromFile(CodecCheckpoints checkpoints, LearnedImageCodec network, string name, RasterImage image, RasterImage reference,
        CodecQuality quality)
    {
        var clock = Stopwatch.StartNew();
        var bytes = ImageCodec.Compress(network, image, quality);
        var encode = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var decoded = ImageCodec.Decompress(bytes, (m, q) => checkpoints.Load(m, q));
        var decode = clock.Elapsed.TotalSeconds;
        return new CodecMeasurement(name, image.Width, image.Height, quality.Value, bytes.Length, 8.0 * bytes.Length / ((double)image.Width * image.Height),
            ImageQuality.Psnr(reference, decoded), ImageQuality.MsSsim(reference, decoded), encode, decode);
    }

    private static IReadOnlyList<CodecQuality> TrainedQualities(CodecCheckpoints checkpoints, CodecModelId model)
    {
        if (!checkpoints.HasVariableRate(model)) return checkpoints.Qualities(model).Select(CodecQuality.Fixed).ToArray();
        var levels = checkpoints.VariableRateInfo(model).RateLevels!;
        return Enumerable.Range(levels.FirstQuality, levels.Count).Select(q => new CodecQuality(100 * q, VariableRate: true)).ToArray();
    }
}
