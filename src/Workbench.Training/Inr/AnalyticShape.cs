using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>Exact signed distance functions in [-1, 1]^3: a sphere of radius R, or a torus in the xy plane (major R, minor r).</summary>
public sealed record AnalyticShape(string Name, double Major, double Minor = 0)
{
    public static AnalyticShape Sphere(double radius = 0.6) => new("sphere", radius);

    public static AnalyticShape Torus(double major = 0.55, double minor = 0.2) => new("torus", major, minor);

    /// <summary>Signed distance of points [N, 3] (negative inside), [N, 1].</summary>
    public Tensor Distance(Tensor p)
    {
        using var scope = NewDisposeScope();
        var result = Minor == 0
            ? p.norm(1, keepdim: true) - Major
            : stack([p[.., ..2].norm(1) - Major, p[.., 2]], 1).norm(1, keepdim: true) - Minor;
        return result.MoveToOuterDisposeScope();
    }

    /// <summary><paramref name="count"/> points on the surface, uniformly in the shape's parameters (angles).</summary>
    public Tensor SurfacePoints(int count, Generator generator)
    {
        using var scope = NewDisposeScope();
        if (Minor == 0)
        {
            var direction = randn([count, 3], generator: generator);
            return (direction / direction.norm(1, keepdim: true) * Major).MoveToOuterDisposeScope();
        }
        var angles = rand([count, 2], generator: generator) * (2 * Math.PI);
        var (u, v) = (angles[.., 0], angles[.., 1]);
        var ring = Major + Minor * cos(v);
        return stack([ring * cos(u), ring * sin(u), Minor * sin(v)], 1).MoveToOuterDisposeScope();
    }
}
