using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>
/// Scores a learned SDF against the analytic shape on a grid of <c>n</c>^3 vertices over [-1, 1]^3: IoU of the
/// occupied vertices (SDF &lt; 0), and the symmetric Chamfer distance (mean distance each way, summed) between the
/// predicted zero set (edge crossings, linearly interpolated) and the analytic surface. From the prediction to the
/// surface the distance is |analytic SDF| (exact for these shapes); the other way it is the nearest crossing to
/// <c>surfaceSamples</c> surface points.
/// </summary>
public static class SdfMetrics
{
    public static (double Iou, double Chamfer) Evaluate(Func<Tensor, Tensor> sdf, AnalyticShape shape, int n, int surfaceSamples, long seed)
    {
        using var scope = NewDisposeScope();
        var axis = linspace(-1, 1, n, ScalarType.Float32);
        var grid = stack(meshgrid([axis, axis, axis], indexing: "ij"), 3);
        Tensor predicted;
        using (no_grad()) predicted = sdf(grid.reshape(-1, 3)).reshape(n, n, n).to(ScalarType.Float32);
        var truth = shape.Distance(grid.reshape(-1, 3)).reshape(n, n, n);
        var (p, t) = (predicted < 0, truth < 0);
        var union = (p | t).sum().item<long>();
        var iou = union == 0 ? 1.0 : (double)(p & t).sum().item<long>() / union;
        var crossings = Crossings(grid, predicted);
        if (crossings.shape[0] == 0) return (iou, double.PositiveInfinity);
        var toSurface = shape.Distance(crossings).abs().mean().item<float>();
        using var generator = new Generator((ulong)seed);
        var samples = shape.SurfacePoints(surfaceSamples, generator);
        var toPrediction = cdist(samples, crossings).min(1).values.mean().item<float>();
        return (iou, toSurface + toPrediction);
    }

    /// <summary>Points where the SDF changes sign along grid edges, at the linear-interpolation zero.</summary>
    private static Tensor Crossings(Tensor grid, Tensor values)
    {
        var points = new List<Tensor>();
        var n = values.shape[0];
        for (var axis = 0; axis < 3; axis++)
        {
            var (va, vb) = (values.narrow(axis, 0, n - 1), values.narrow(axis, 1, n - 1));
            var (pa, pb) = (grid.narrow(axis, 0, n - 1), grid.narrow(axis, 1, n - 1));
            var mask = (va < 0) != (vb < 0);
            var a = va[mask];
            var b = vb[mask];
            var weight = (a / (a - b)).unsqueeze(1);
            var start = pa[mask];
            points.Add(start + weight * (pb[mask] - start));
        }
        return cat(points, 0);
    }
}
