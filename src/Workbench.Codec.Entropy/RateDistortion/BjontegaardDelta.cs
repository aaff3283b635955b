using MathNet.Numerics.Interpolation;

namespace Workbench.Codec.Entropy.RateDistortion;

/// <summary>
/// Bjontegaard delta rate: log10(rate) of each codec is interpolated as a function of quality (PSNR), both curves are
/// integrated over the quality interval they share, and the mean log difference d gives 10^d - 1: the fraction of extra
/// rate the test codec needs over the anchor at equal quality (negative = savings).
/// </summary>
public static class BjontegaardDelta
{
    public static double Rate(IReadOnlyList<double> anchorRates, IReadOnlyList<double> anchorQuality,
        IReadOnlyList<double> testRates, IReadOnlyList<double> testQuality, BdInterpolation interpolation)
    {
        var anchor = Curve(anchorRates, anchorQuality, "anchor");
        var test = Curve(testRates, testQuality, "test");
        var low = Math.Max(anchor.Quality[0], test.Quality[0]);
        var high = Math.Min(anchor.Quality[^1], test.Quality[^1]);
        if (!(high > low)) throw new ArgumentException($"the curves' quality ranges do not overlap ({low:F3} >= {high:F3})");

        var anchorArea = Integrate(anchor, low, high, interpolation);
        var testArea = Integrate(test, low, high, interpolation);
        return Math.Pow(10, (testArea - anchorArea) / (high - low)) - 1;
    }

    private static double Integrate((double[] Quality, double[] LogRate) curve, double low, double high, BdInterpolation interpolation) =>
        interpolation switch
        {
            BdInterpolation.Cubic => LeastSquaresCubic.Fit(curve.Quality, curve.LogRate).Integrate(low, high),
            BdInterpolation.Pchip => CubicSpline.InterpolatePchipSorted(curve.Quality, curve.LogRate).Integrate(low, high),
            _ => throw new ArgumentOutOfRangeException(nameof(interpolation)),
        };

    private static (double[] Quality, double[] LogRate) Curve(IReadOnlyList<double> rates, IReadOnlyList<double> quality, string name)
    {
        if (rates.Count != quality.Count) throw new ArgumentException($"{name} curve has {rates.Count} rates but {quality.Count} quality values");
        if (rates.Count < 4) throw new ArgumentException($"{name} curve needs at least 4 points, has {rates.Count}");
        var order = Enumerable.Range(0, rates.Count).OrderBy(i => quality[i]).ToArray();
        var q = order.Select(i => quality[i]).ToArray();
        var logRate = order.Select(i => rates[i] > 0 ? Math.Log10(rates[i]) : throw new ArgumentException($"{name} curve has a non-positive rate {rates[i]}")).ToArray();
        for (var i = 1; i < q.Length; i++)
            if (!(q[i] > q[i - 1])) throw new ArgumentException($"{name} curve repeats the quality value {q[i]}");
        return (q, logRate);
    }
}
