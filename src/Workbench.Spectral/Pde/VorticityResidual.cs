using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;

namespace Workbench.Spectral.Pde;

/// <summary>Which known forcing f the residual subtracts.</summary>
public enum ForcingKind
{
    /// <summary>f = 0 (McWilliams decaying turbulence).</summary>
    None,

    /// <summary>The FNO forcing 0.1 (sin 2 pi (x + y) + cos 2 pi (x + y)) on the unit torus.</summary>
    Fno,
}

/// <summary>
/// The residual R = d_t w + u . grad w - nu Lap w - f of the 2-D vorticity equation on a trajectory w[..., T, H, W]
/// (time at dim -3, x along dim -2, y along dim -1) on the periodic square [0, L)^2, frames dt apart. Space is
/// spectral, the advection is <see cref="VorticityAdvection"/>, the term the data solvers step with (stream function,
/// velocities, 2/3 rule), and d_t is taken by <see cref="TimeDerivative"/>. The result covers the frames that have a
/// derivative: [..., T - History, H, W].
/// </summary>
public sealed class VorticityResidual
{
    public VorticityResidual(double viscosity, double timeStep, TimeDerivative scheme, ForcingKind forcing, double length = 1.0)
    {
        if (!(viscosity >= 0) || !double.IsFinite(viscosity))
            throw new WorkbenchException($"vorticity residual: expected a non-negative viscosity, got {viscosity}.");
        if (!(timeStep > 0) || !double.IsFinite(timeStep))
            throw new WorkbenchException($"vorticity residual: expected a positive time step, got {timeStep}.");
        if (!(length > 0) || !double.IsFinite(length))
            throw new WorkbenchException($"vorticity residual: expected a positive domain length, got {length}.");
        if (forcing == ForcingKind.Fno && length != 1.0)
            throw new WorkbenchException($"vorticity residual: the FNO forcing lives on the unit torus, got length {length}.");
        Viscosity = viscosity;
        TimeStep = timeStep;
        Scheme = scheme;
        Forcing = forcing;
        Length = length;
    }

    public double Viscosity { get; }
    public double TimeStep { get; }
    public TimeDerivative Scheme { get; }
    public ForcingKind Forcing { get; }
    public double Length { get; }

    /// <summary>Leading frames without a residual (the time scheme's history).</summary>
    public int History => TimeDerivatives.History(Scheme);

    /// <summary>R at frames History..T-1, minus the known forcing and, if given, <paramref name="extraForcing"/> (broadcast).</summary>
    public Tensor Evaluate(Tensor w, Tensor? extraForcing = null)
    {
        Check(w);
        using var scope = NewDisposeScope();
        var current = w.narrow(-3, History, w.shape[^3] - History);
        var (h, width) = (w.shape[^2], w.shape[^1]);
        using var grid = new PeriodicGrid(h, width, Length, w.dtype, w.device);
        var spectrum = grid.ToSpectrum(current);
        // |kappa|^2 summed in float64 and then cast, where the grid's is summed in its dtype: in float32 the two differ.
        var kappa2 = Wavenumbers.SquaredMagnitude([h, width], lastAxisHalf: true, Length, w.dtype, w.device);
        var spatial = spectrum * (kappa2 * Viscosity);
        var residual = TimeDerivatives.Evaluate(w, TimeStep, Scheme)
            + fft.irfft2(spatial, s: [h, width])
            + AdvectionOnGrid(grid, spectrum);
        if (Forcing == ForcingKind.Fno) residual = residual - VorticityForcing.Fno(grid);
        if (extraForcing is not null) residual = residual - extraForcing;
        return residual.MoveToOuterDisposeScope();
    }

    /// <summary>The de-aliased advection u . grad w of fields w[..., H, W] on [0, L)^2, on the grid.</summary>
    public static Tensor Advection(Tensor w, double length = 1.0)
    {
        TensorAxes.Trailing(w, 2, "advection");
        TensorAxes.RequireReal(w, "advection");
        using var scope = NewDisposeScope();
        using var grid = new PeriodicGrid(w.shape[^2], w.shape[^1], length, w.dtype, w.device);
        return AdvectionOnGrid(grid, grid.ToSpectrum(w)).MoveToOuterDisposeScope();
    }

    private static Tensor AdvectionOnGrid(PeriodicGrid grid, Tensor spectrum)
    {
        using var advection = new VorticityAdvection(grid);
        return grid.ToPhysical(advection.Evaluate(spectrum));
    }

    private void Check(Tensor w)
    {
        if (w.dim() < 3 || w.is_complex())
            throw new WorkbenchException($"vorticity residual: expected a real trajectory [..., T, H, W], got {TensorAxes.Shape(w)} {w.dtype}.");
        if (w.shape[^2] < 4 || w.shape[^1] < 4)
            throw new WorkbenchException($"vorticity residual: expected a grid of at least 4 x 4, got {w.shape[^2]} x {w.shape[^1]}.");
        if (w.shape[^3] <= History)
            throw new WorkbenchException($"vorticity residual: {Scheme} needs more than {History} frames, got {w.shape[^3]}.");
    }
}
