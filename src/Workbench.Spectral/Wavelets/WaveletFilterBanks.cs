namespace Workbench.Spectral.Wavelets;

/// <summary>
/// Analysis and synthesis low-pass filters in pywt's layout (the high-pass pair follows by the QMF rule in
/// <see cref="Wavelet"/>). Orthogonal wavelets: the synthesis low-pass is the scaling filter and the analysis one its
/// reverse. The sym values are the published symlet tables, which differ from db2/db3 in the 12th digit.
/// bior2.4 is the spline pair sqrt(2)/128 [3 -6 -16 38 90 38 -16 -6 3] and sqrt(2)/4 [1 2 1], zero-padded to ten taps
/// at pywt's positions so coefficient lengths and alignment match pywt.
/// </summary>
internal static class WaveletFilterBanks
{
    private static readonly double InvSqrt2 = 1.0 / Math.Sqrt(2.0);

    private static readonly double[] HaarScaling = [InvSqrt2, InvSqrt2];

    private static readonly double[] Db2Scaling =
        [0.48296291314453416, 0.8365163037378079, 0.2241438680420134, -0.12940952255126037];

    private static readonly double[] Db3Scaling =
    [
        0.33267055295008263, 0.8068915093110925, 0.45987750211849154,
        -0.13501102001025458, -0.08544127388202666, 0.03522629188570953,
    ];

    private static readonly double[] Db4Scaling =
    [
        0.2303778133088965, 0.7148465705529157, 0.6308807679298589, -0.027983769416859854,
        -0.18703481171909309, 0.030841381835560764, 0.0328830116668852, -0.010597401785069032,
    ];

    private static readonly double[] Sym2Scaling =
        [0.48296291314469025, 0.836516303737469, 0.22414386804185735, -0.12940952255092145];

    private static readonly double[] Sym3Scaling =
    [
        0.3326705529509569, 0.8068915093133388, 0.4598775021193313,
        -0.13501102001039084, -0.08544127388224149, 0.035226291882100656,
    ];

    private static readonly double[] Sym4Scaling =
    [
        0.0322231006040427, -0.012603967262037833, -0.09921954357684722, 0.29785779560527736,
        0.8037387518059161, 0.49761866763201545, -0.02963552764599851, -0.07576571478927333,
    ];

    /// <summary>(analysis low-pass, synthesis low-pass) for a wavelet.</summary>
    public static (double[] DecLo, double[] RecLo) LowPass(WaveletName name) => name switch
    {
        WaveletName.Haar or WaveletName.Db1 => Orthogonal(HaarScaling),
        WaveletName.Db2 => Orthogonal(Db2Scaling),
        WaveletName.Db3 => Orthogonal(Db3Scaling),
        WaveletName.Db4 => Orthogonal(Db4Scaling),
        WaveletName.Sym2 => Orthogonal(Sym2Scaling),
        WaveletName.Sym3 => Orthogonal(Sym3Scaling),
        WaveletName.Sym4 => Orthogonal(Sym4Scaling),
        WaveletName.Bior24 => Bior24(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown wavelet"),
    };

    private static (double[], double[]) Orthogonal(double[] scaling) =>
        (scaling.Reverse().ToArray(), (double[])scaling.Clone());

    private static (double[], double[]) Bior24()
    {
        var analysisScale = Math.Sqrt(2.0) / 128.0;
        var synthesisScale = Math.Sqrt(2.0) / 4.0;
        double[] analysis = [0, 3, -6, -16, 38, 90, 38, -16, -6, 3];
        double[] synthesis = [0, 0, 0, 1, 2, 1, 0, 0, 0, 0];
        return (analysis.Select(v => v * analysisScale).ToArray(), synthesis.Select(v => v * synthesisScale).ToArray());
    }
}
