namespace Workbench.Codec.Entropy.RateDistortion;

/// <summary>
/// Least-squares cubic y = sum c_k u^k in the standardised variable u = (x - centre) / scale, solved by Householder QR
/// (the raw powers of PSNR values near 40 make the normal equations ill-conditioned).
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
        const int terms = 4;
        var n = x.Length;
        var centre = x.Average();
        var scale = Math.Sqrt(x.Sum(v => (v - centre) * (v - centre)) / n);
        var a = new double[n, terms];
        var b = (double[])y.Clone();
        for (var i = 0; i < n; i++)
        {
            var u = (x[i] - centre) / scale;
            for (var k = 0; k < terms; k++) a[i, k] = Math.Pow(u, k);
        }

        for (var k = 0; k < terms; k++)
        {
            var norm = 0.0;
            for (var i = k; i < n; i++) norm += a[i, k] * a[i, k];
            norm = Math.Sqrt(norm);
            var alpha = a[k, k] > 0 ? -norm : norm;
            var v = new double[n];
            v[k] = a[k, k] - alpha;
            for (var i = k + 1; i < n; i++) v[i] = a[i, k];
            var vv = 0.0;
            for (var i = k; i < n; i++) vv += v[i] * v[i];
            if (vv == 0) continue;
            for (var j = k; j < terms; j++) Reflect(v, vv, k, n, i => a[i, j], (i, value) => a[i, j] = value);
            Reflect(v, vv, k, n, i => b[i], (i, value) => b[i] = value);
        }

        var c = new double[terms];
        for (var k = terms - 1; k >= 0; k--)
        {
            var sum = b[k];
            for (var j = k + 1; j < terms; j++) sum -= a[k, j] * c[j];
            c[k] = sum / a[k, k];
        }
        return new LeastSquaresCubic(c, centre, scale);
    }

    /// <summary>Integral of the fitted cubic over [low, high] in the original variable.</summary>
    public double Integrate(double low, double high) => _scale * (Antiderivative((high - _centre) / _scale) - Antiderivative((low - _centre) / _scale));

    private double Antiderivative(double u)
    {
        var sum = 0.0;
        for (var k = _coefficients.Length - 1; k >= 0; k--) sum = (sum + _coefficients[k] / (k + 1)) * u;
        return sum;
    }

    private static void Reflect(double[] v, double vv, int k, int n, Func<int, double> get, Action<int, double> set)
    {
        var dot = 0.0;
        for (var i = k; i < n; i++) dot += v[i] * get(i);
        var factor = 2 * dot / vv;
        for (var i = k; i < n; i++) set(i, get(i) - factor * v[i]);
    }
}
