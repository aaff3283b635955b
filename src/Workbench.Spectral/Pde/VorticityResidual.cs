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
/// spectral: psi_hat = w_hat / |kappa|^2 (0 at kappa = 0), u = d_y psi, v = -d_x psi, the product u w_x + v w_y formed on
/// the grid and its spectrum cut to |k_x| &lt;= (2/3)(H/2), |k_y| &lt;= (2/3)(W/2) (the 2/3 rule, as in the data solver);
/// d_t by <see cref="TimeDerivative"/>. The result covers the frames that have a derivative:
/// [..., T - History, H, W].
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
        var spectrum = fft.rfft2(current);
        var kappa2 = Wavenumbers.SquaredMagnitude([h, width], lastAxisHalf: true, Length, w.dtype, w.device);
        var spatial = spectrum * (kappa2 * Viscosity);
        var residual = TimeDerivatives.Evaluate(w, TimeStep, Scheme)
            + fft.irfft2(spatial, s: [h, width])
            + AdvectionFromSpectrum(spectrum, h, width, Length);
        if (Forcing == ForcingKind.Fno) residual = residual - VorticityForcing.Fno(h, width, w.dtype, w.device);
        if (extraForcing is not null) residual = residual - extraForcing;
        return residual.MoveToOuterDisposeScope();
    }

    /// <summary>The de-aliased advection u . grad w of fields w[..., H, W] on [0, L)^2, on the grid.</summary>
    public static Tensor Advection(Tensor w, double length = 1.0)
    {
        TensorAxes.Trailing(w, 2, "advection");
        TensorAxes.RequireReal(w, "advection");
        using var scope = NewDisposeScope();
        return AdvectionFromSpectrum(fft.rfft2(w), w.shape[^2], w.shape[^1], length).MoveToOuterDisposeScope();
    }

    private static Tensor AdvectionFromSpectrum(Tensor spectrum, long h, long w, double length)
    {
        var axes = Wavenumbers.Grid([h, w], lastAxisHalf: true, length, ScalarType.Float64, spectrum.device);
        var real = TensorAxes.RealOf(spectrum.dtype, "advection");
        var kx = axes[0].to(real);
        var ky = axes[1].to(real);
        var kappa2 = (kx.square() + ky.square());
        var inverseLaplacian = where(kappa2 > 0, 1.0 / kappa2.where(kappa2 > 0, ones_like(kappa2)), zeros_like(kappa2));
        Tensor Derivative(Tensor symbol) => fft.irfft2(spectrum * complex(zeros_like(symbol), symbol), s: [h, w]);
        var u = Derivative(ky * inverseLaplacian);
        var v = Derivative(-kx * inverseLaplacian);
        var product = u * Derivative(kx.expand_as(kappa2)) + v * Derivative(ky.expand_as(kappa2));
        return fft.irfft2(fft.rfft2(product) * Dealias(h, w, spectrum.device).to(real), s: [h, w]);
    }

    /// <summary>The 2/3-rule mask over the rfft2 spectrum of an H x W grid.</summary>
    private static Tensor Dealias(long h, long w, Device device)
    {
        var integer = Wavenumbers.Grid([h, w], lastAxisHalf: true, null, ScalarType.Float64, device);
        return integer[0].abs().le(2.0 / 3.0 * (h / 2)).logical_and(integer[1].abs().le(2.0 / 3.0 * (w / 2)));
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
