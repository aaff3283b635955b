using TorchSharp;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.T1;

/// <summary>
/// The retained modes of a T1 model as a Cartesian product of row and column frequencies, so that mode mixing along
/// each axis stays defined. DCT frequencies are non-negative; DFT rows are signed (full axis), DFT columns are the
/// non-negative rfft half axis. Frequencies, not indices, so one selection serves every resolution. The DFT low-pass
/// rows are symmetric, -(m1 - 1)..(m1 - 1): unlike FNO's [-m1, m1), every kept mode of column 0 keeps its conjugate
/// partner, so the retained set is a projection of real fields and Parseval holds on it.
/// </summary>
public sealed record ModeSelection(long[] Rows, long[] Columns)
{
    public int Count => Rows.Length * Columns.Length;

    public static ModeSelection LowPass(T1Transform transform, int modes1, int modes2) => transform == T1Transform.Dct
        ? new ModeSelection(Range(0, modes1), Range(0, modes2))
        : new ModeSelection([.. Range(0, modes1), .. Range(-(modes1 - 1), modes1 - 1)], Range(0, modes2));

    /// <summary>
    /// The rows and columns carrying most energy in training samples [N, C, H, W] (summed over samples, channels and the
    /// other axis), each kept in ascending frequency order; ties go to the lower frequency.
    /// </summary>
    public static ModeSelection EnergyRanked(T1Transform transform, Tensor samples, int rowCount, int columnCount)
    {
        using var scope = NewDisposeScope();
        var h = samples.shape[^2];
        var coefficients = transform == T1Transform.Dct
            ? Workbench.Spectral.Cosine.Dct.Forward2(samples.to(float64))
            : fft.rfft2(samples.to(float64), norm: FFTNormType.Ortho).abs();
        var energy = coefficients.square().reshape(-1, coefficients.shape[^2], coefficients.shape[^1]).sum([0L]);
        var rowEnergy = energy.sum([1L]).data<double>().ToArray();
        var columnEnergy = energy.sum([0L]).data<double>().ToArray();
        var rows = transform == T1Transform.Dct
            ? Top(rowEnergy, rowCount).Order().ToArray()
            : SymmetricTop(rowEnergy, h, rowCount);
        var columns = Top(columnEnergy, columnCount).Order().ToArray();
        return new ModeSelection(rows, columns);
    }

    /// <summary>Indices of the retained rows and columns in an H x W (DCT) or H x (W/2+1) (rfft) coefficient array.</summary>
    public (long[] Rows, long[] Columns) Indices(T1Transform transform, long h, long w)
    {
        var columnLimit = transform == T1Transform.Dct ? w : w / 2 + 1;
        var rows = Rows.Select(r => r < 0 ? r + h : r).ToArray();
        if (rows.Any(r => r < 0 || r >= h) || rows.Distinct().Count() != rows.Length || Columns.Any(c => c >= columnLimit))
            throw new WorkbenchException($"T1: a {h}x{w} grid cannot hold the retained modes (rows {string.Join(",", Rows)}; columns up to {Columns.Max()})");
        return (rows, Columns);
    }

    /// <summary>DFT rows: rank |k| by the energy of k and -k together, keep both signs (k = 0 once).</summary>
    private static long[] SymmetricTop(double[] rowEnergy, long h, int count)
    {
        var pairs = new double[h / 2 + 1];
        for (long i = 0; i < h; i++) pairs[Math.Min(i, h - i)] += rowEnergy[i];
        return Top(pairs, count).SelectMany(k => k == 0 || 2 * k == h ? new[] { k } : new[] { k, -k }).Order().ToArray();
    }

    private static long[] Range(long start, long count) => Enumerable.Range(0, (int)count).Select(i => start + i).ToArray();

    private static long[] Top(double[] energy, int count) =>
        energy.Select((e, i) => (Energy: e, Index: (long)i)).OrderByDescending(p => p.Energy).ThenBy(p => p.Index)
            .Take(count).Select(p => p.Index).ToArray();
}
