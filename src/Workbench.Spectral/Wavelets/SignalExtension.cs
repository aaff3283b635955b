namespace Workbench.Spectral.Wavelets;

/// <summary>
/// Index arithmetic for one level along one axis. Analysis reads a padded signal xp with a strided correlation
/// a[o] = sum_k w[k] xp[2o + k] (w the reversed analysis filter), which reproduces pywt's
/// a[o] = sum_j f[j] x[2o + 1 - j]; synthesis is the transposed convolution cropped to pywt's output.
/// </summary>
internal static class SignalExtension
{
    public static int CoefficientLength(int signalLength, int filterLength, ExtensionMode mode) =>
        mode == ExtensionMode.Periodization ? (signalLength + 1) / 2 : (signalLength + filterLength - 1) / 2;

    /// <summary>Zero mode only: samples of zeros before and after the signal.</summary>
    public static (int Before, int After) ZeroPadding(int signalLength, int filterLength)
    {
        var before = filterLength - 2;
        var paddedLength = PaddedLength(signalLength, filterLength, ExtensionMode.Zero);
        return (before, paddedLength - signalLength - before);
    }

    /// <summary>For every sample of the padded signal, the index of the signal sample it copies (not for zero mode).</summary>
    public static long[] SourceIndices(int signalLength, int filterLength, ExtensionMode mode)
    {
        var indices = new long[PaddedLength(signalLength, filterLength, mode)];
        if (mode == ExtensionMode.Periodization)
        {
            // An odd signal is first made even by repeating its last sample; pywt centres the periodic
            // filter so that padded sample m reads x[(m + 1 - F/2) mod M].
            var period = signalLength + signalLength % 2;
            for (var m = 0; m < indices.Length; m++)
                indices[m] = Math.Min(Modulo(m + 1 - filterLength / 2, period), signalLength - 1);
            return indices;
        }

        for (var m = 0; m < indices.Length; m++)
            indices[m] = Mirror(m - (filterLength - 2), signalLength, mode);
        return indices;
    }

    /// <summary>Periodization synthesis: coefficients wrapped by this many samples on each side before the transposed convolution.</summary>
    public static int PeriodicCoefficientPadding(int filterLength) => (filterLength + 3) / 4;

    public static long[] PeriodicCoefficientIndices(int coefficientLength, int padding)
    {
        var indices = new long[coefficientLength + 2 * padding];
        for (var q = 0; q < indices.Length; q++) indices[q] = Modulo(q - padding, coefficientLength);
        return indices;
    }

    /// <summary>Where the signal starts in the transposed convolution's output, and its length.</summary>
    public static (int Start, int Length) SynthesisWindow(int coefficientLength, int filterLength, ExtensionMode mode)
    {
        if (mode == ExtensionMode.Periodization)
            return (2 * PeriodicCoefficientPadding(filterLength) + filterLength / 2 - 1, 2 * coefficientLength);
        return (filterLength - 2, 2 * coefficientLength - filterLength + 2);
    }

    private static int PaddedLength(int signalLength, int filterLength, ExtensionMode mode) =>
        2 * CoefficientLength(signalLength, filterLength, mode) - 2 + filterLength;

    private static long Mirror(int i, int n, ExtensionMode mode)
    {
        if (i >= 0 && i < n) return i;
        if (mode == ExtensionMode.Symmetric)
        {
            var j = Modulo(i, 2 * n);
            return j < n ? j : 2 * n - 1 - j;
        }

        if (n == 1) return 0;
        var k = Modulo(i, 2 * n - 2);
        return k < n ? k : 2 * n - 2 - k;
    }

    private static int Modulo(int value, int period) => ((value % period) + period) % period;
}
