using static TorchSharp.torch;

namespace Workbench.Spectral.Pde;

/// <summary>Known forcings of the vorticity equation, sampled on the points of a <see cref="PeriodicGrid"/>.</summary>
public static class VorticityForcing
{
    /// <summary>
    /// The FNO forcing f(x, y) = 0.1 (sin 2 pi (x + y) + cos 2 pi (x + y)) (periodic on the unit torus), x along dim -2,
    /// y along dim -1, formed in float64: [H, W] in the grid's dtype.
    /// </summary>
    public static Tensor Fno(PeriodicGrid grid)
    {
        using var scope = NewDisposeScope();
        var phase = (grid.X() + grid.Y()) * (2 * Math.PI);
        return ((phase.sin() + phase.cos()) * 0.1).to(grid.Dtype).MoveToOuterDisposeScope();
    }
}
