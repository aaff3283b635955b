using Workbench.Sparse.Spright.Detectors;

namespace Workbench.Sparse.Spright;

internal enum BinKind { ZeroTon, Singleton, MultiTon }

/// <summary>
/// Zero-ton / singleton / multi-ton tests on the P values of a bin, with nu the noise variance of one bin value.
/// <para>Zero-ton: E = (1/P) sum_p U_p^2 &lt;= tau nu. For pure noise P E / nu is chi-square with P degrees of
/// freedom, and Laurent-Massart gives Pr[chi2_P &gt;= P + 2 sqrt(P t) + 2 t] &lt;= e^-t, so
/// tau = 1 + 2 sqrt(t / P) + 2 t / P with t = ln(C B / delta) bounds the chance that any of the C B bins of a
/// test round is misread by delta.</para>
/// <para>Singleton: read k with the detector; reject k outside n bits or hashing to another bin; fit
/// alpha = (1/P) sum_p U_p s_p (least squares, s_p = (-1)^{&lt;d_p,k&gt;}); accept when the residual
/// R = (1/P) sum_p (U_p - alpha s_p)^2 = E - alpha^2 is &lt;= tau nu (the same tail bound with one degree of
/// freedom fitted) and the fitted energy alpha^2 exceeds the zero-ton margin (tau - 1) nu.</para>
/// <para>Noise estimate: the median energy of the zero-ton bins. With K coefficients hashed uniformly into B bins
/// a bin is a zero-ton with probability e^(-K/B), so the order statistic at rank e^(-K/B) C B / 2 of all bin
/// energies is (an estimate of) the median zero-ton energy; divided by the chi-square median factor
/// (1 - 2 / (9 P))^3 (Wilson-Hilferty) it estimates nu. A floor of 1e-24 of the largest energy keeps the noiseless
/// case from reading rounding error as signal.</para>
/// </summary>
internal sealed class BinClassifier
{
    private readonly OffsetDesign _offsets;
    private readonly IReadOnlyList<HashingMatrix> _stages;
    private readonly int _inputBits;

    public BinClassifier(SprightPlan plan, OffsetDesign offsets, IReadOnlyList<HashingMatrix> stages, BinObservations bins)
    {
        _offsets = offsets;
        _stages = stages;
        _inputBits = plan.InputBits;
        int p = offsets.Count;
        double t = Math.Log(plan.Stages * (double)plan.Bins / plan.FalseAlarmProbability);
        Tau = 1 + 2 * Math.Sqrt(t / p) + 2 * t / p;
        NoiseVariance = EstimateNoise(plan, bins);
    }

    public double NoiseVariance { get; }

    public double Tau { get; }

    public bool IsZeroTon(ReadOnlySpan<double> u) => Energy(u) <= Tau * NoiseVariance;

    /// <summary>An amplitude no larger than the singleton test's minimum (alpha^2 &lt;= (tau - 1) nu).</summary>
    public bool IsNegligibleAmplitude(double alpha) => alpha * alpha <= (Tau - 1) * NoiseVariance;

    public BinKind Classify(int stage, int bin, ReadOnlySpan<double> u, out ulong index, out double amplitude)
    {
        index = 0;
        amplitude = 0;
        double energy = Energy(u);
        double threshold = Tau * NoiseVariance;
        if (energy <= threshold) return BinKind.ZeroTon;

        ulong k = _offsets.EstimateIndex(u);
        if ((_inputBits < 64 && k >> _inputBits != 0) || _stages[stage].BinOf(k) != bin) return BinKind.MultiTon;
        double alpha = 0;
        for (int p = 0; p < u.Length; p++) alpha += u[p] * _offsets.Sign(p, k);
        alpha /= u.Length;
        double residual = 0;
        for (int p = 0; p < u.Length; p++)
        {
            double r = u[p] - alpha * _offsets.Sign(p, k);
            residual += r * r;
        }
        residual /= u.Length;
        if (residual > threshold || IsNegligibleAmplitude(alpha)) return BinKind.MultiTon;
        index = k;
        amplitude = alpha;
        return BinKind.Singleton;
    }

    private static double Energy(ReadOnlySpan<double> u)
    {
        double e = 0;
        foreach (double v in u) e += v * v;
        return e / u.Length;
    }

    private static double EstimateNoise(SprightPlan plan, BinObservations bins)
    {
        int p = bins.OffsetCount;
        var energies = new List<double>(plan.Stages * plan.Bins);
        for (int c = 0; c < plan.Stages; c++)
            for (int j = 0; j < plan.Bins; j++)
                energies.Add(Energy(bins.Bin(c, j)));
        energies.Sort();
        double zeroTonFraction = Math.Exp(-(double)plan.Sparsity / plan.Bins);
        int rank = Math.Clamp((int)(zeroTonFraction * energies.Count / 2), 0, energies.Count - 1);
        // Wilson-Hilferty rather than the exact chi-square median (MathNet's ChiSquared.InvCDF): the exact value differs by
        // 3% (P = 1) to 7e-5 (P = 32), which would move the noise estimate and with it the committed SPRIGHT trial results.
        double medianFactor = Math.Pow(1 - 2.0 / (9 * p), 3);
        double floor = 1e-24 * energies[^1];
        return Math.Max(energies[rank] / medianFactor, floor);
    }
}
