using Workbench.Codec.Entropy.Cdf;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Zero-mean Gaussian entropy model of the latent y given per-element scales (scale hyperprior). Training: likelihood of
/// y under N(0, s^2) convolved with U(-1/2, 1/2), scales bounded below by 0.11 and likelihoods by 1e-9. Coding: 64 scales
/// log-spaced over [0.11, 256]; an element uses the first table scale >= its scale, and the table's cdf covers
/// -h .. h with h = ceil(6.109 s) (tail mass 1e-9), escape beyond. The tables are a fixed function of the scale table
/// computed with <see cref="DeterministicMath"/>, so every machine builds the same integers.
/// </summary>
public static class GaussianConditional
{
    public const double ScaleMin = 0.11;
    public const double LikelihoodMin = 1e-9;
    private const int TableSize = 64;
    private const double LogScaleLow = -2.2072749131897207;   // ln 0.11
    private const double LogScaleHigh = 5.545177444479562;    // ln 256
    private const double TailMultiplier = 6.109;

    public static IReadOnlyList<double> Scales { get; } =
        Enumerable.Range(0, TableSize).Select(i => DeterministicMath.Exp(LogScaleLow + i * (LogScaleHigh - LogScaleLow) / (TableSize - 1))).ToArray();

    public static CdfTable Table { get; } = BuildTable();

    public static Tensor Likelihood(Tensor y, Tensor scales)
    {
        using var scope = NewDisposeScope();
        var s = scales.clamp_min(ScaleMin);
        var magnitude = y.abs();
        var upper = StandardNormalCdf((0.5 - magnitude) / s);
        var lower = StandardNormalCdf((-0.5 - magnitude) / s);
        return (upper - lower).clamp_min(LikelihoodMin).MoveToOuterDisposeScope();
    }

    /// <summary>The rANS stream of integer symbols, element i coded with the table of its scale i.</summary>
    public static byte[] Compress(ReadOnlySpan<int> symbols, IReadOnlyList<double> scales) =>
        SymbolCoder.Encode(symbols, ScaleIndexes(scales), Table);

    /// <summary>The symbols of a stream written by <see cref="Compress"/> with the same scales.</summary>
    public static int[] Decompress(byte[] stream, IReadOnlyList<double> scales) => SymbolCoder.Decode(stream, ScaleIndexes(scales), Table);

    private static int[] ScaleIndexes(IReadOnlyList<double> scales) => scales.Select(ScaleIndex).ToArray();

    /// <summary>Table index of each scale: the first table scale >= s, the last one beyond the table.</summary>
    public static int ScaleIndex(double scale)
    {
        var s = Math.Max(scale, ScaleMin);
        for (var i = 0; i < TableSize - 1; i++)
            if (Scales[i] >= s) return i;
        return TableSize - 1;
    }

    private static Tensor StandardNormalCdf(Tensor x) => 0.5 * special.erfc(-x / Math.Sqrt(2));

    private static CdfTable BuildTable()
    {
        var cdfs = new int[TableSize][];
        var offsets = new int[TableSize];
        for (var k = 0; k < TableSize; k++)
        {
            var s = Scales[k];
            var half = (int)Math.Ceiling(s * TailMultiplier);
            var pmf = new double[2 * half + 1];
            for (var v = -half; v <= half; v++)
            {
                var m = Math.Abs(v);
                pmf[v + half] = DeterministicMath.NormalCdf((0.5 - m) / s) - DeterministicMath.NormalCdf((-0.5 - m) / s);
            }
            cdfs[k] = QuantizedCdf.FromPmf(pmf, 2 * DeterministicMath.NormalCdf((-half - 0.5) / s));
            offsets[k] = -half;
        }
        return new CdfTable(cdfs, offsets);
    }
}
