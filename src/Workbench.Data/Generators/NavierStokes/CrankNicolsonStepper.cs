using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// The FNO time step: Crank-Nicolson on the viscous term, explicit (forward Euler) advection and forcing,
/// w_hat' = [-dt F_hat + dt f_hat + (1 - dt nu |kappa|^2 / 2) w_hat] / (1 + dt nu |kappa|^2 / 2).
/// Second order in time where the advection vanishes (single-shell flows), first order otherwise because the
/// nonlinearity is forward Euler.
/// </summary>
public sealed class CrankNicolsonStepper : IVorticityStepper
{
    private readonly VorticityAdvection _advection;
    private readonly Tensor _decay;
    private readonly Tensor _advectionWeight;
    private readonly Tensor? _forcingIncrement;

    /// <param name="forcing">The forcing f in physical space, shape [S, S] (float64), or null for none.</param>
    public CrankNicolsonStepper(PeriodicGrid grid, double viscosity, double timeStep, Tensor? forcing)
    {
        _advection = new VorticityAdvection(grid);
        using var scope = NewDisposeScope();
        // The FNO solver sets |kappa|^2 = 1 at the origin; kept so the mean mode is treated the same way.
        var laplacian = grid.KappaSquared.where(grid.KappaSquared.gt(0), ones_like(grid.KappaSquared));
        var half = laplacian * (0.5 * timeStep * viscosity);
        var denominator = 1.0 + half;
        _decay = ((1.0 - half) / denominator).MoveToOuterDisposeScope();
        _advectionWeight = (-timeStep / denominator).MoveToOuterDisposeScope();
        _forcingIncrement = forcing is null ? null : (grid.ToSpectrum(forcing) * (timeStep / denominator)).MoveToOuterDisposeScope();
    }

    /// <summary>Advances a batch of spectra [B, S, S/2 + 1] by one step, in place.</summary>
    public void Step(Tensor vorticityHat)
    {
        using var scope = NewDisposeScope();
        var advection = _advection.Evaluate(vorticityHat).mul_(_advectionWeight);
        vorticityHat.mul_(_decay).add_(advection);
        if (_forcingIncrement is not null) vorticityHat.add_(_forcingIncrement);
    }

    public void Dispose()
    {
        _advection.Dispose();
        _decay.Dispose();
        _advectionWeight.Dispose();
        _forcingIncrement?.Dispose();
    }
}
