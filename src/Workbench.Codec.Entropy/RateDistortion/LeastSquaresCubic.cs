using MathNet.Numerics;
using MathNet.Numerics.LinearRegression;

namespace Workbench.Codec.Entropy.RateDistortion;

/// <summary>
/// Least-squares cubic y = sum c_k u^k in the standardised variable u = (x - centre) / scale (the raw powers of PSNR
/// values near 40 make the fit ill-conditioned), solved by MathNet's QR regression.
/// </summary>
internal sealed class LeastSquaresCubic
{
    private readonly double[] _coefficients;
    private readonly double _centre;
    private readonly double _scale;

    private LeastSquaresCubic(double[] coefficients, double centre, double scale) =>
        (_coefficients, _centre, _scale) = (coefficients, centre, scale);

    public static LeastSquaresCubic Fit(double[] x, double[] y)
    {
        var centre = x.Average();
        var scale = Math.Sqrt(x.Sum(v => (v - centre) * (v - centre)) / x.Length);
        var u = x.Select(v => (v - centre) / scale).ToArray();
        return new LeastSquaresCubic(MathNet.Numerics.Fit.Polynomial(u, y, 3, DirectRegressionMethod.QR), centre, scale);
    }

    /// <summary>Integral of the fitted cubic over [low, high] in the original variable.</summary>
    public double Integrate(double low, double high)
    {
        var antiderivative = new Polynomial(_coefficients).Integrate();
        return _scale * (antiderivative.Evaluate((high - _centre) / _scale) - antiderivative.Evaluate((low - _centre) / _scale));
    }
}
