using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>
/// An analytic shape's SDF as a fitting target: half the points uniform in [-1, 1]^3, half on the surface moved by
/// N(0, 0.05^2) per axis (so the zero set is well sampled); values the exact signed distance.
/// </summary>
public static class SdfSignals
{
    public static InrSignal Regression(AnalyticShape shape, int points, long seed)
    {
        using var generator = new Generator((ulong)seed);
        var uniform = rand([points / 2, 3], generator: generator) * 2 - 1;
        var near = shape.SurfacePoints(points - points / 2, generator) + randn([points - points / 2, 3], generator: generator) * 0.05;
        var coordinates = cat([uniform, near.clamp(-1, 1)], 0);
        var values = shape.Distance(coordinates);
        return new InrSignal("sdf-" + shape.Name, coordinates, values, coordinates, values, InrMetric.Iou, 128, shape);
    }
}
