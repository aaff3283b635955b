namespace Workbench.Spectral.Wavelets;

/// <summary>
/// Index arithmetic for one level along one axis, in pywt's alignment. Analysis reads a padded signal xp with
/// a[o] = sum_k f[F-1-k] xp[2o + k], which reproduces pywt's a[o] = sum_j f[j] x[2o + 1 - j] once xp starts
/// F - 2 samples before x (F/2 - 1 in periodization). Synthesis is pywt's transposed filter bank
/// y[m] = sum_o c[o] g[m + Delay - 2o] for m in 0..OutputLength-1.
/// </summary>
internal static class SignalExtension
{
    public static int CoefficientLength(int signalLength, int filterLength, ExtensionMode mode) =>
        mode == ExtensionMode.Periodization ? (signalLength + 1) / 2 : (signalLength + filterLength - 1) / 2;

    /// <summary>Length of the padded signal the analysis reads: 2 * coefficients - 2 + F, always even.</summary>
    public static int PaddedLength(int signalLength, int filterLength, ExtensionMode mode) =>
        2 * CoefficientLength(signalLength, filterLength, mode) - 2 + filterLength;

    public static int SamplesBefore(int filterLength, ExtensionMode mode) =>
        mode == ExtensionMode.Periodization ? filterLength / 2 - 1 : filterLength - 2;

    /// <summary>
    /// Which signal samples the padding before and after the signal copies (for zero mode only the counts matter).
    /// </summary>
    public static (long[] Before, long[] After) PaddingSources(int signalLength, int filterLength, ExtensionMode mode)
    {
        var before = SamplesBefore(filterLength, mode);
        var after = PaddedLength(signalLength, filterLength, mode) - signalLength - before;
        var head = new long[before];
        var tail = new long[after];
        for (var i = 0; i < before; i++) head[i] = Source(i - before, signalLength, mode);
        for (var i = 0; i < after; i++) tail[i] = Source(signalLength + i, signalLength, mode);
        return (head, tail);
    }

    /// <summary>Periodization synthesis: coefficients wrapped by this many samples on each side cover every tap.</summary>
    public static int PeriodicCoefficientPadding(int filterLength) => (filterLength + 3) / 4;

    public static (long[] Before, long[] After) WrapSources(int length, int padding)
    {
        var head = new long[padding];
        var tail = new long[padding];
        for (var i = 0; i < padding; i++)
        {
            head[i] = Modulo(i - padding, length);
            tail[i] = Modulo(length + i, length);
        }

        return (head, tail);
    }

    public static (int Delay, int OutputLength) Synthesis(int coefficientLength, int filterLength, ExtensionMode mode) =>
        mode == ExtensionMode.Periodization
            ? (filterLength / 2 - 1, 2 * coefficientLength)
            : (filterLength - 2, 2 * coefficientLength - filterLength + 2);

    /// <summary>The signal sample at (possibly out-of-range) position i under the extension mode.</summary>
    private static long Source(int i, int n, ExtensionMode mode)
    {
        switch (mode)
        {
            case ExtensionMode.Periodization:
                // An odd signal is first made even by repeating its last sample.
                return Math.Min(Modulo(i, n + n % 2), n - 1);
            case ExtensionMode.Symmetric:
            {
                var j = Modulo(i, 2 * n);
                return j < n ? j : 2 * n - 1 - j;
            }
            case ExtensionMode.Reflect:
            {
                if (n == 1) return 0;
                var j = Modulo(i, 2 * n - 2);
                return j < n ? j : 2 * n - 2 - j;
            }
            default:
                return -1;
        }
    }

    private static int Modulo(int value, int period) => ((value % period) + period) % period;
}
