using static TorchSharp.torch;

namespace Workbench.Data.Generators.Radar;

/// <summary>
/// An anisotropic Gaussian storm cell carried by the flow, with intensity Peak sin^2(pi age / Lifetime) while
/// 0 &lt;= age &lt;= Lifetime.
/// </summary>
public sealed class ConvectiveCell(double x, double y, double peak, double lifetime, double major, double minor, double angle)
{
    public double X { get; set; } = x;
    public double Y { get; set; } = y;
    public double Age { get; set; }
    public double Peak { get; } = peak;
    public double Lifetime { get; } = lifetime;

    public bool Alive => Age <= Lifetime;

    public double Intensity(double age) =>
        age < 0 || age > Lifetime ? 0 : Peak * Math.Pow(Math.Sin(Math.PI * age / Lifetime), 2);

    /// <summary>Adds <paramref name="amount"/> times the unit-peak shape to a square layer [n, n], within 4 widths of the centre.</summary>
    public void AddTo(Tensor layer, double amount)
    {
        var size = (int)layer.shape[0];
        var reach = 4 * major;
        var (x0, x1) = (Math.Max(0, (int)Math.Floor(X - reach)), Math.Min(size - 1, (int)Math.Ceiling(X + reach)));
        var (y0, y1) = (Math.Max(0, (int)Math.Floor(Y - reach)), Math.Min(size - 1, (int)Math.Ceiling(Y + reach)));
        if (x0 > x1 || y0 > y1) return;
        using var scope = NewDisposeScope();
        var xs = arange(x0, x1 + 1, float64).reshape(1, -1);
        var ys = arange(y0, y1 + 1, float64).reshape(-1, 1);
        layer.narrow(0, y0, y1 - y0 + 1).narrow(1, x0, x1 - x0 + 1).add_(Shape(xs, ys).mul_(amount));
    }

    /// <summary>The unit-peak shape on pixel coordinates xs, ys (broadcasting).</summary>
    public Tensor Shape(Tensor xs, Tensor ys)
    {
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var dx = xs - X;
        var dy = ys - Y;
        var along = dx * cos + dy * sin;
        var across = dy * cos - dx * sin;
        return (-(along.square() / (2 * major * major) + across.square() / (2 * minor * minor))).exp();
    }
}
