using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>The FNO forcing f(x, y) = 0.1 (sin 2 pi (x + y) + cos 2 pi (x + y)) on the unit torus.</summary>
public static class Forcing
{
    public static Tensor Fno(PeriodicGrid grid)
    {
        using var scope = NewDisposeScope();
        var x = grid.Coordinates();
        var phase = (x.reshape(-1, 1) + x.reshape(1, -1)) * (2 * Math.PI);
        return ((phase.sin() + phase.cos()) * 0.1).MoveToOuterDisposeScope();
    }
}
