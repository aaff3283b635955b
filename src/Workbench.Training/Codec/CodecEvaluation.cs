using System.Diagnostics;
using Workbench.Core.Errors;
using Workbench.Data.Images;
using Workbench.Models.Codec;

namespace Workbench.Training.Codec;

/// <summary>One image at one quality: rate from the codec file's size, distortion of the decoded image, wall times.</summary>
public sealed record CodecMeasurement(string Image, int Width, int Height, double Quality, long Bytes, double Bpp, double Psnr, double MsSsim,
    double EncodeSeconds, double DecodeSeconds);

/// <summary>Per-quality means over the images.</summary>
public sealed record CodecSummary(double Quality, double Bpp, double Psnr, double MsSsim);

public sealed record CodecEvaluationReport(string Model, IReadOnlyList<string> Images, IReadOnlyList<CodecMeasurement> Results, IReadOnlyList<CodecSummary> Mean);

/// <summary>
/// Compresses every PNG of a folder at the given qualities (default: every trained one, the whole qualities of a
/// variable-rate model), decodes the files and measures them.
/// </summary>
public static class CodecEvaluation
{
    public static CodecEvaluationReport Run(CodecCheckpoints checkpoints, CodecModelId model, string imageFolder, IReadOnlyList<CodecQuality>? qualities, Action<string> log)
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
                var clock = Stopwatch.StartNew();
                var bytes = ImageCodec.Compress(network, image, quality);
                var encode = clock.Elapsed.TotalSeconds;
                clock.Restart();
                var decoded = ImageCodec.Decompress(bytes, (m, q) => checkpoints.Load(m, q));
                var decode = clock.Elapsed.TotalSeconds;
                var measurement = new CodecMeasurement(Path.GetFileName(path), image.Width, image.Height, quality.Value, bytes.Length,
                    8.0 * bytes.Length / ((double)image.Width * image.Height), ImageQuality.Psnr(reference, decoded),
                    ImageQuality.MsSsim(reference, decoded), encode, decode);
                results.Add(measurement);
                log($"{measurement.Image} q{quality}: {measurement.Bpp:F4} bpp, {measurement.Psnr:F2} dB, MS-SSIM {measurement.MsSsim:F4}, encode {encode:F2} s, decode {decode:F2} s");
            }
        }
        var mean = results.GroupBy(r => r.Quality).OrderBy(g => g.Key)
            .Select(g => new CodecSummary(g.Key, g.Average(r => r.Bpp), g.Average(r => r.Psnr), g.Average(r => r.MsSsim))).ToArray();
        return new CodecEvaluationReport(CodecCheckpoints.Name(model), images.Select(Path.GetFileName).ToArray()!, results, mean);
    }

    private static IReadOnlyList<CodecQuality> TrainedQualities(CodecCheckpoints checkpoints, CodecModelId model)
    {
        if (!checkpoints.HasVariableRate(model)) return checkpoints.Qualities(model).Select(CodecQuality.Fixed).ToArray();
        var levels = checkpoints.VariableRateInfo(model).RateLevels!;
        return Enumerable.Range(levels.FirstQuality, levels.Count).Select(q => new CodecQuality(100 * q, VariableRate: true)).ToArray();
    }
}
