namespace Workbench.Cli.Benchmarks.Codec;

/// <summary>
/// A command-line codec the suite times beside ours: an encoder and its decoder run with their default options but
/// one quality setting, which the suite picks from <see cref="Settings"/> as the one whose file is closest in bpp.
/// </summary>
/// <param name="Input">Which of the suite's copies of the image the encoder reads: "png" or "ppm".</param>
/// <param name="Extension">The coded file's extension.</param>
/// <param name="Output">The decoder's output format (its default).</param>
public sealed record PeerCodec(string Encoder, string Decoder, string QualityFlag, IReadOnlyList<int> Settings, string Input, string Extension, string Output,
    Func<int, string, string, string[]> EncodeArguments, Func<string, string, string[]> DecodeArguments)
{
    /// <summary>libjpeg-turbo's cjpeg (which reads PPM, not PNG) and djpeg (which writes PPM), qualities 1..95.</summary>
    public static PeerCodec Jpeg { get; } = new("cjpeg", "djpeg", "-quality", Enumerable.Range(1, 95).ToArray(), "ppm", "jpg", "ppm",
        (quality, input, output) => ["-quality", quality.ToString(), "-outfile", output, input],
        (input, output) => ["-outfile", output, input]);

    /// <summary>libwebp's cwebp (lossy) and dwebp (which writes PNG), -q 0..100.</summary>
    public static PeerCodec WebP { get; } = new("cwebp", "dwebp", "-q", Enumerable.Range(0, 101).ToArray(), "png", "webp", "png",
        (quality, input, output) => ["-quiet", "-q", quality.ToString(), input, "-o", output],
        (input, output) => ["-quiet", input, "-o", output]);

    public static IReadOnlyList<PeerCodec> All { get; } = [Jpeg, WebP];

    /// <summary>The entry of <paramref name="table"/> (setting, bpp) closest to <paramref name="bpp"/>; of two as close, the first.</summary>
    public static (int Setting, double Bpp) Closest(IReadOnlyList<(int Setting, double Bpp)> table, double bpp)
    {
        if (table.Count == 0) throw new ArgumentException("no peer settings to choose from");
        var best = table[0];
        foreach (var entry in table)
            if (Math.Abs(entry.Bpp - bpp) < Math.Abs(best.Bpp - bpp)) best = entry;
        return best;
    }
}
