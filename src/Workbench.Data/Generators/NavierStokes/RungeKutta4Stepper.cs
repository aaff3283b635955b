using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// Classical fourth-order Runge-Kutta on d_t w_hat = -F_hat(w_hat) - nu |kappa|^2 w_hat (no forcing), everything
/// explicit. The viscous stability bound dt nu max|kappa|^2 &lt; 2.78 is far from binding for nu = 1e-3 on
/// (0, 2 pi)^2 at 256^2 (max|kappa|^2 nu ~ 33); the advective CFL limit is what sets dt.
/// </summary>
public sealed class RungeKutta4Stepper : IVorticityStepper
{
    private readonly VorticityAdvection _advection;
    private readonly Tensor _damping;
    private readonly double _dt;

    public RungeKutta4Stepper(PeriodicGrid grid, double viscosity, double timeStep)
    {
        _advection = new VorticityAdvection(grid);
        _damping = grid.KappaSquared * viscosity;
        _dt = timeStep;
    }

    private Tensor Rate(Tensor vorticityHat)
    {
        var rate = _advection.Evaluate(vorticityHat);
        return rate.add_(vorticityHat * _damping).neg_();
    }

    /// <summary>Advances a batch of spectra [B, S, S/2 + 1] by one step, in place.</summary>
    public void Step(Tensor vorticityHat)
    {
        using var scope = NewDisposeScope();
        var k1 = Rate(vorticityHat);
        var k2 = Rate(vorticityHat + k1 * (_dt / 2));
        var k3 = Rate(vorticityHat + k2 * (_dt / 2));
        var k4 = Rate(vorticityHat + k3 * _dt);
        var increment = k1.add_(k2, 2).add_(k3, 2).add_(k4);
        vorticityHat.add_(increment, _dt / 6);
    }

    public void Dispose()
    {
        _advection.Dispose();
        _damping.Dispose();
    }
}
