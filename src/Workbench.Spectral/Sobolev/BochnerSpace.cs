using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Spectral.Sobolev;

/// <summary>How the squared spatial norms are integrated over time.</summary>
public enum TimeQuadrature
{
    /// <summary>Mean over the time samples: the integral over a unit time interval, one equal weight per sample.</summary>
    Mean,

    /// <summary>Trapezoid rule with step dt: dt (f_0/2 + f_1 + ... + f_{T-2} + f_{T-1}/2); one sample gives 0.</summary>
    Trapezoid,
}

/// <summary>
/// The Bochner space L^2(0, T; H^s) over fields w[..., t, x, y] (or any time dim other than the last two):
/// ||w|| = (integral over t of ||w(t)||^2_{H^s} dt)^(1/2), the integral taken by <see cref="Quadrature"/>.
/// Every leading index besides time is one sample.
/// </summary>
public sealed record BochnerSpace
{
    public BochnerSpace(SobolevSpace space, TimeQuadrature quadrature = TimeQuadrature.Mean, double timeStep = 1.0)
    {
        if (!(timeStep > 0) || !double.IsFinite(timeStep))
            throw new ArgumentException($"Bochner norm: expected a positive time step, got {timeStep}.");
        Space = space;
        Quadrature = quadrature;
        TimeStep = timeStep;
    }

    public SobolevSpace Space { get; }
    public TimeQuadrature Quadrature { get; }
    public double TimeStep { get; }

    /// <summary>Squared norm: [..., t, x, y] (time at <paramref name="timeDim"/>) to the remaining leading shape.</summary>
    public Tensor SquaredNorm(Tensor w, long timeDim = -3)
    {
        var perTime = Space.SquaredNorm(TimeBeforeSpace(w, timeDim));
        return Integrate(perTime);
    }

    public Tensor Norm(Tensor w, long timeDim = -3) => SquaredNorm(w, timeDim).sqrt();

    /// <summary>The inner product integral over t of &lt;a(t), b(t)&gt;_{H^s} dt.</summary>
    public Tensor Inner(Tensor a, Tensor b, long timeDim = -3)
    {
        SobolevSpace.RequireSameShape(a, b, "Bochner inner product");
        var perTime = Space.Inner(
            TimeBeforeSpace(a, timeDim),
            TimeBeforeSpace(b, timeDim));
        return Integrate(perTime);
    }

    /// <summary>Mean over samples of ||prediction - target|| / ||target|| (a scalar).</summary>
    public Tensor RelativeError(Tensor prediction, Tensor target, long timeDim = -3)
    {
        SobolevSpace.RequireSameShape(prediction, target, "Bochner relative error");
        return (Norm(prediction - target, timeDim) / Norm(target, timeDim)).mean();
    }

    /// <summary>Moves time just before the two spatial dims after checking it is not one of them.</summary>
    private static Tensor TimeBeforeSpace(Tensor w, long timeDim)
    {
        if (w.dim() < 3)
            throw new ArgumentException($"Bochner norm: expected [..., t, x, y] with rank >= 3, got {TensorAxes.Shape(w)}.");
        var t = TensorAxes.Normalize(w, timeDim, "Bochner norm");
        if (t >= w.dim() - 2)
            throw new ArgumentException($"Bochner norm: the time dim {timeDim} must not be one of the last two (spatial) dims.");
        return w.movedim(new[] { t }, new[] { -3L });
    }

    private Tensor Integrate(Tensor perTime)
    {
        if (Quadrature == TimeQuadrature.Mean) return perTime.mean(new long[] { -1 });
        var steps = perTime.shape[^1];
        var weights = full(steps, TimeStep, ScalarType.Float64, perTime.device);
        weights[0] = TimeStep / 2;
        weights[steps - 1] = steps == 1 ? 0 : TimeStep / 2;
        return (perTime * weights.to(TensorAxes.RealOf(perTime.dtype, "Bochner norm"))).sum(new long[] { -1 });
    }
}
