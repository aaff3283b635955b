namespace Workbench.Codec.Entropy.RateDistortion;

/// <summary>
/// Piecewise cubic Hermite interpolant with Fritsch-Carlson slopes (weighted harmonic mean inside, the one-sided
/// three-point formula with shape limits at the ends), integrated exactly.
/// </summary>
internal sealed class MonotoneCubicHermite
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _slopes;

    public MonotoneCubicHermite(double[] x, double[] y)
    {
        _x = x;
        _y = y;
        var n = x.Length;
        var h = new double[n - 1];
        var delta = new double[n - 1];
        for (var i = 0; i < n - 1; i++)
        {
            h[i] = x[i + 1] - x[i];
            delta[i] = (y[i + 1] - y[i]) / h[i];
        }

        _slopes = new double[n];
        for (var i = 1; i < n - 1; i++)
        {
            if (Math.Sign(delta[i - 1]) * Math.Sign(delta[i]) <= 0) continue;
            var w1 = 2 * h[i] + h[i - 1];
            var w2 = h[i] + 2 * h[i - 1];
            _slopes[i] = (w1 + w2) / (w1 / delta[i - 1] + w2 / delta[i]);
        }
        _slopes[0] = EndSlope(h[0], h[1], delta[0], delta[1]);
        _slopes[n - 1] = EndSlope(h[n - 2], h[n - 3], delta[n - 2], delta[n - 3]);
    }

    public double Integrate(double low, double high)
    {
        var total = 0.0;
        for (var i = 0; i < _x.Length - 1; i++)
        {
            var a = Math.Max(low, _x[i]);
            var b = Math.Min(high, _x[i + 1]);
            if (b <= a) continue;
            var h = _x[i + 1] - _x[i];
            total += h * (Segment(i, h, (b - _x[i]) / h) - Segment(i, h, (a - _x[i]) / h));
        }
        return total;
    }

    /// <summary>Antiderivative over t in [0, 1] of the Hermite basis combination on interval i.</summary>
    private double Segment(int i, double h, double t)
    {
        double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
        var h00 = t - t3 + t4 / 2;
        var h10 = t2 / 2 - 2 * t3 / 3 + t4 / 4;
        var h01 = t3 - t4 / 2;
        var h11 = -t3 / 3 + t4 / 4;
        return h00 * _y[i] + h10 * h * _slopes[i] + h01 * _y[i + 1] + h11 * h * _slopes[i + 1];
    }

    private static double EndSlope(double h0, double h1, double m0, double m1)
    {
        var d = ((2 * h0 + h1) * m0 - h0 * m1) / (h0 + h1);
        if (Math.Sign(d) != Math.Sign(m0)) return 0;
        if (Math.Sign(m0) != Math.Sign(m1) && Math.Abs(d) > Math.Abs(3 * m0)) return 3 * m0;
        return d;
    }
}
