namespace Workbench.Models.Operators.Fno;

/// <summary>
/// Standard deviation of each real part of a spectral weight under <see cref="FnoInit.VariancePreserving"/>.
/// <para>
/// Derivation for our layer y = irfftn(P(W . rfftn(x))), P the kept low-pass corners. With torch's default 'backward'
/// normalisation the forward transform carries a factor sqrt(N) and the inverse 1/sqrt(N) relative to 'ortho', so the
/// layer equals its 'ortho' version with the same weights and the result below holds for both. For white input of
/// variance v per channel, every ortho coefficient has E|X_k|^2 = v, so a kept output coefficient has
/// E|Y_k|^2 = c_in sigma^2 v with sigma^2 = E|W|^2 = 2 s^2. The inverse real transform keeps Hermitian symmetry:
/// a kept entry off the self-conjugate half-axis columns (k = 0 and the Nyquist column) appears twice in the full
/// spectrum, one on those columns contributes half its energy (only its Hermitian part survives). Parseval then gives
/// the output variance v c_in sigma^2 E / N, with E = prod_full(kept rows) * (2 generic + 1/2 self-conjugate kept
/// columns), e.g. E = 4 m1 m2 - 3 m1 in 2-D. Preserving v: sigma = sqrt(N / (c_in E)), s = sigma / sqrt(2).
/// REFERENCES section 1 quotes sigma = sqrt(N / (c_in (4 m1 m2 + 4))) for FNO-style DFT layers: the same rule with an
/// approximate mode count; sigma there is the complex standard deviation (torch's complex randn).
/// </para>
/// </summary>
public static class SpectralInitScale
{
    /// <param name="inChannels">c_in.</param>
    /// <param name="modes">Retained modes per axis (full axes first, the rfft half axis last).</param>
    /// <param name="grid">The grid the variance is preserved at, one size per axis.</param>
    public static double RealPartStd(int inChannels, int[] modes, long[] grid)
    {
        double rows = 1;
        for (var i = 0; i < modes.Length - 1; i++) rows *= Math.Min(2L * modes[i], grid[i]);
        var n = grid[^1];
        var columns = Math.Min((long)modes[^1], n / 2 + 1);
        var selfConjugate = 1 + (n % 2 == 0 && columns == n / 2 + 1 && n > 1 ? 1 : 0);
        var effective = rows * (2.0 * (columns - selfConjugate) + 0.5 * selfConjugate);
        var points = grid.Aggregate(1.0, (product, size) => product * size);
        return Math.Sqrt(points / (inChannels * effective)) / Math.Sqrt(2);
    }
}
