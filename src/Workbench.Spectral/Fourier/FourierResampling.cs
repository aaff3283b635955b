using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Spectral.Fourier;

/// <summary>
/// Resolution change by zero-padding or truncating the spectrum (trigonometric interpolation on periodic grids).
/// A signal band-limited to the coarser grid is reproduced exactly at the new grid points.
///
/// Nyquist convention for even sizes (the one term whose +N/2 and -N/2 wavenumbers share a bin):
/// - refining from even N splits the coefficient X[N/2] in halves at +N/2 and -N/2, which is the real, minimal-norm
///   interpolant (a cos(pi N x) term; a sin term at the Nyquist frequency vanishes on the coarse grid and cannot be
///   recovered);
/// - coarsening to even M folds both +M/2 and -M/2 of the finer spectrum into the new Nyquist bin (their sum), which
///   gives exact samples of any signal band-limited to |k| &lt;= M/2.
/// So refining then coarsening back is the identity. Values are preserved (not energies): each axis scales by M/N.
/// </summary>
public static class FourierResampling
{
    /// <summary>Resamples <paramref name="x"/> (real or complex) to <paramref name="sizes"/> along <paramref name="dims"/>.</summary>
    public static Tensor Resample(Tensor x, long[] dims, long[] sizes)
    {
        var d = TensorAxes.Normalize(x, dims, "Fourier resampling");
        if (sizes.Length != d.Length)
            throw new ArgumentException($"Fourier resampling: {sizes.Length} sizes given for {d.Length} dims.");
        if (sizes.Any(s => s < 1))
            throw new ArgumentException($"Fourier resampling: expected positive sizes, got [{string.Join(", ", sizes)}].");
        var changed = Enumerable.Range(0, d.Length).Where(i => x.shape[d[i]] != sizes[i]).ToArray();
        if (changed.Length == 0) return x;

        var axes = changed.Select(i => d[i]).ToArray();
        var spectrum = fft.fftn(x, dim: axes);
        double scale = 1;
        foreach (var i in changed)
        {
            var n = x.shape[d[i]];
            spectrum = ResizeAxis(spectrum, d[i], n, sizes[i]);
            scale *= (double)sizes[i] / n;
        }
        var result = fft.ifftn(spectrum.mul(scale), dim: axes);
        return x.is_complex() ? result : result.real;
    }

    /// <summary>Resizes one axis of an (unnormalised) spectrum from n to m bins, following the Nyquist convention above.</summary>
    public static Tensor ResizeAxis(Tensor spectrum, long dim, long n, long m)
    {
        if (m == n) return spectrum;
        if (m > n)
        {
            var positive = spectrum.narrow(dim, 0, (n + 1) / 2);
            var negative = spectrum.narrow(dim, n - (n - 1) / 2, (n - 1) / 2);
            if (n % 2 == 1)
                return cat(new[] { positive, Zeros(spectrum, dim, m - n), negative }, dim);
            var nyquist = spectrum.narrow(dim, n / 2, 1).mul(0.5);
            return cat(new[] { positive, nyquist, Zeros(spectrum, dim, m - n - 1), nyquist, negative }, dim);
        }
        var keepPositive = spectrum.narrow(dim, 0, (m + 1) / 2);
        var keepNegative = spectrum.narrow(dim, n - (m - 1) / 2, (m - 1) / 2);
        if (m % 2 == 1)
            return cat(new[] { keepPositive, keepNegative }, dim);
        var folded = spectrum.narrow(dim, m / 2, 1) + spectrum.narrow(dim, n - m / 2, 1);
        return cat(new[] { keepPositive, folded, keepNegative }, dim);
    }

    private static Tensor Zeros(Tensor like, long dim, long count)
    {
        var shape = (long[])like.shape.Clone();
        shape[dim] = count;
        return zeros(shape, like.dtype, like.device);
    }
}
