using System.Globalization;

namespace Workbench.Interactive.Plots;

/// <summary>Maps data values onto a pixel interval, linearly or by log10, and chooses readable tick positions.</summary>
internal sealed class Axis
{
    private readonly double _low;
    private readonly double _high;
    private readonly double _pixelLow;
    private readonly double _pixelHigh;

    public Axis(IEnumerable<double> values, bool log, double pixelLow, double pixelHigh)
    {
        Log = log;
        _pixelLow = pixelLow;
        _pixelHigh = pixelHigh;
        var usable = values.Where(v => double.IsFinite(v) && (!log || v > 0)).Select(v => log ? Math.Log10(v) : v).ToArray();
        var (low, high) = usable.Length == 0 ? (0.0, 1.0) : (usable.Min(), usable.Max());
        if (high - low < 1e-12 * Math.Max(1, Math.Abs(high)))
        {
            low -= log ? 0.5 : Math.Max(0.5, Math.Abs(low) * 0.1);
            high += log ? 0.5 : Math.Max(0.5, Math.Abs(high) * 0.1);
        }
        _low = low;
        _high = high;
    }

    public bool Log { get; }

    public bool Accepts(double v) => double.IsFinite(v) && (!Log || v > 0);

    public double ToPixel(double v)
    {
        var t = ((Log ? Math.Log10(v) : v) - _low) / (_high - _low);
        return _pixelLow + t * (_pixelHigh - _pixelLow);
    }

    public IEnumerable<(double Value, string Label)> Ticks()
    {
        if (Log)
        {
            var first = (int)Math.Ceiling(_low - 1e-9);
            var last = (int)Math.Floor(_high + 1e-9);
            if (last - first >= 1)
            {
                var step = Math.Max(1, (last - first + 5) / 6);
                for (var e = first; e <= last; e += step) yield return (Math.Pow(10, e), Format(Math.Pow(10, e)));
                yield break;
            }
            foreach (var v in new[] { Math.Pow(10, _low), Math.Pow(10, _high) }) yield return (v, Format(v));
            yield break;
        }
        var spacing = NiceStep((_high - _low) / 5);
        for (var v = Math.Ceiling(_low / spacing) * spacing; v <= _high + spacing * 1e-9; v += spacing)
            yield return (v, Format(Math.Abs(v) < spacing * 1e-9 ? 0 : v));
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / magnitude;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude;
    }

    private static string Format(double v) => v.ToString("G3", CultureInfo.InvariantCulture);
}
