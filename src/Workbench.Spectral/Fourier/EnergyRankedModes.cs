using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Spectral.Fourier;

/// <summary>
/// Data-driven mode selection: the <c>count</c> modes of largest mean energy |X|^2 over a batch of training spectra.
/// All leading dims (samples, channels) are averaged; ties go to the lower flat index, so the choice is deterministic.
/// On an rfft half axis each entry is ranked on its own, although interior half-axis entries stand for a conjugate pair.
/// </summary>
public static class EnergyRankedModes
{
    /// <param name="spectra">[..., spectral axes] real or complex spectra in FFT order.</param>
    /// <param name="spectralRank">how many trailing axes are spectral (1, 2 or 3).</param>
    public static ModeIndexSet Select(Tensor spectra, int spectralRank, int count, bool lastAxisHalf)
    {
        var dims = TensorAxes.Trailing(spectra, spectralRank, "energy-ranked modes");
        var shape = dims.Select(d => spectra.shape[d]).ToArray();
        var total = shape.Aggregate(1L, (a, b) => a * b);
        if (count < 1 || count > total)
            throw new ArgumentException($"energy-ranked modes: expected a count in 1..{total}, got {count}.");

        double[] energy;
        using (no_grad())
        {
            var power = spectra.is_complex() ? spectra.abs().square() : spectra.square();
            var flat = power.flatten(spectra.dim() - spectralRank).to(ScalarType.Float64);
            var mean = flat.dim() > 1 ? flat.reshape(-1, total).mean(new long[] { 0 }) : flat;
            energy = mean.cpu().data<double>().ToArray();
        }

        var chosen = Enumerable.Range(0, (int)total)
            .OrderByDescending(i => energy[i]).ThenBy(i => i)
            .Take(count)
            .Select(i => Unravel(i, shape, lastAxisHalf));
        return new ModeIndexSet(chosen, lastAxisHalf);
    }

    private static long[] Unravel(long flat, long[] shape, bool lastAxisHalf)
    {
        var result = new long[shape.Length];
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            var n = shape[i];
            var index = flat % n;
            flat /= n;
            var half = lastAxisHalf && i == shape.Length - 1;
            result[i] = half || index < (n + 1) / 2 ? index : index - n;
        }
        return result;
    }
}
