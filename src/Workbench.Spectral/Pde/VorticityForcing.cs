using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Spectral.Pde;

/// <summary>Known forcings of the vorticity equation, sampled on an H x W grid of a periodic square.</summary>
public static class VorticityForcing
{
    /// <summary>
    /// The FNO forcing f(x, y) = 0.1 (sin 2 pi (x + y) + cos 2 pi (x + y)) on the unit torus, x = i / H along dim -2,
    /// y = j / W along dim -1: [H, W].
    /// </summary>
    public static Tensor Fno(long h, long w, ScalarType dtype, Device device)
    {
        using var scope = NewDisposeScope();
        var x = arange(h, ScalarType.Float64, device).div(h).reshape(-1, 1);
        var y = arange(w, ScalarType.Float64, device).div(w).reshape(1, -1);
        var phase = (x + y) * (2 * Math.PI);
        return ((phase.sin() + phase.cos()) * 0.1).to(dtype).MoveToOuterDisposeScope();
    }
}
