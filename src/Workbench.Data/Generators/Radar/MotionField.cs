using static TorchSharp.torch;

namespace Workbench.Data.Generators.Radar;

/// <summary>
/// A steady flow in pixels per frame: mean flow (U, V) plus a solid-body rotor of angular speed Omega (radians per
/// frame) and a linear shear u += ShearRate (y - CenterY), both about (CenterX, CenterY). x runs along the width, y along the height.
/// </summary>
public sealed record MotionField(double U, double V, double Omega = 0, double ShearRate = 0, double CenterX = 0, double CenterY = 0)
{
    public (double U, double V) At(double x, double y) =>
        (U + (ShearRate - Omega) * (y - CenterY), V + Omega * (x - CenterX));

    /// <summary>The velocity [2, H, W] (float64) on pixels whose (x, y) are (originX + column, originY + row).</summary>
    public Tensor Field(int height, int width, double originX = 0, double originY = 0)
    {
        using var scope = NewDisposeScope();
        var xs = arange(width, float64).reshape(1, width).expand(height, width) + (originX - CenterX);
        var ys = arange(height, float64).reshape(height, 1).expand(height, width) + (originY - CenterY);
        return stack([ys * (ShearRate - Omega) + U, xs * Omega + V]).MoveToOuterDisposeScope();
    }

    /// <summary>Forward midpoint step of a particle over one frame.</summary>
    public (double X, double Y) Move(double x, double y)
    {
        var (u, v) = At(x, y);
        var (um, vm) = At(x + u / 2, y + v / 2);
        return (x + um, y + vm);
    }
}
