namespace Workbench.Models.Codec;

/// <summary>
/// exp and the normal cdf from IEEE additions, multiplications and divisions only (correctly rounded everywhere), so
/// the probability tables the decoder depends on come out bit-identical on every machine, unlike the C library's exp.
/// </summary>
public static class DeterministicMath
{
    private const double Ln2 = 0.6931471805599453;
    // ln 2 split so that k * Ln2High is exact for |k| < 2^11 (Cody-Waite range reduction)
    private const double Ln2High = 0.693147180369123816490;
    private const double Ln2Low = 1.90821492927058770002e-10;

    public static double Exp(double x)
    {
        if (double.IsNaN(x)) return x;
        if (x > 709) return double.PositiveInfinity;
        if (x < -745) return 0;
        var k = Math.Round(x / Ln2);
        var r = (x - k * Ln2High) - k * Ln2Low;
        // Taylor series on |r| <= ln2/2: 20 terms are below 1e-17 relative
        var sum = 1.0;
        for (var n = 20; n >= 1; n--) sum = 1 + sum * r / n;
        return Math.ScaleB(sum, (int)k);
    }

    /// <summary>Complementary error function: the Chebyshev-fitted form of Numerical Recipes (relative error below 1.2e-7).</summary>
    public static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
                   t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        var value = t * Exp(poly);
        return x >= 0 ? value : 2 - value;
    }

    /// <summary>Standard normal cdf Phi(x) = erfc(-x / sqrt 2) / 2.</summary>
    public static double NormalCdf(double x) => 0.5 * Erfc(-x * 0.7071067811865476);
}
