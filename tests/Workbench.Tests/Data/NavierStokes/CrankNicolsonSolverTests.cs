using Workbench.Data.Generators.NavierStokes;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Tests.Data.NavierStokes;

public sealed class CrankNicolsonSolverTests
{
    [Fact]
    public void Mean_vorticity_stays_zero_under_forcing_and_advection()
    {
        using var scope = NewDisposeScope();
        using var grid = new PeriodicGrid(32, 1.0, CPU);
        var initial = GaussianRandomField.Sample(7, [0, 1], 32, CPU) * 10.0;
        Assert.True(FlowFields.MaxAbs(FlowStatistics.Mean(initial)) < 1e-12);
        var final = FlowFields.Solve(grid, initial, 1e-3, 2e-3, 300, VorticityForcing.Fno(grid));
        Assert.True(FlowFields.MaxAbs(final) > 1.0, "the flow should not have decayed away");
        Assert.True(FlowFields.MaxAbs(FlowStatistics.Mean(final)) < 1e-12);
    }

    /// <summary>
    /// w = sin(2 pi k x) sin(2 pi k y) is an eigenfunction of the Laplacian with eigenvalue -(2 pi)^2 |k|^2, |k|^2 = 2 k^2
    /// (it is made of the wavevectors (k, +-k)); w is a multiple of psi, so u . grad w = 0 and w(t) = exp(-nu (2 pi)^2 |k|^2 t) w0,
    /// which is exp(-2 nu (2 pi)^2 k^2 t) in the per-axis wavenumber k. Crank-Nicolson's per-step factor (1-a)/(1+a)
    /// matches exp(-2a) to O(a^3); here the accumulated error is below 2e-7.
    /// </summary>
    [Fact]
    public void Taylor_Green_modes_decay_at_the_exact_viscous_rate()
    {
        using var scope = NewDisposeScope();
        using var grid = new PeriodicGrid(32, 1.0, CPU);
        const double viscosity = 0.002, dt = 1e-3;
        const int steps = 500;
        int[] wavenumbers = [1, 2, 3];
        var initial = stack(wavenumbers.Select(k =>
            FlowFields.OnGrid(grid, (x, y) => (x * (2 * Math.PI * k)).sin() * (y * (2 * Math.PI * k)).sin())).ToArray());
        var final = FlowFields.Solve(grid, initial, viscosity, dt, steps, forcing: null);
        for (var i = 0; i < wavenumbers.Length; i++)
        {
            var k = wavenumbers[i];
            var expected = Math.Exp(-2 * viscosity * Math.Pow(2 * Math.PI, 2) * k * k * steps * dt);
            var amplitude = (final[i] * initial[i]).sum().item<double>() / initial[i].square().sum().item<double>();
            Assert.True(Math.Abs(amplitude / expected - 1) < 1e-6, $"k = {k}: amplitude {amplitude:R}, expected {expected:R}");
            Assert.True(FlowFields.MaxAbs(final[i] - initial[i] * expected) < 1e-6 * expected);
        }
    }

    /// <summary>
    /// Forcing on the (1, 1) shell and an initial mode on the same shell keep w on that shell, where advection vanishes;
    /// the exact solution is w0 e^{-lambda t} + f (1 - e^{-lambda t}) / lambda with lambda = 8 pi^2 nu, and Crank-Nicolson
    /// converges at second order: halving dt divides the error by 4.
    /// </summary>
    [Fact]
    public void Time_step_refinement_is_second_order_where_advection_vanishes()
    {
        using var scope = NewDisposeScope();
        using var grid = new PeriodicGrid(16, 1.0, CPU);
        const double viscosity = 0.05, horizon = 0.5;
        var forcing = VorticityForcing.Fno(grid);
        var initial = FlowFields.OnGrid(grid, (x, y) => ((x - y) * (2 * Math.PI)).cos() * 2.0).unsqueeze(0);
        var lambda = 8 * Math.PI * Math.PI * viscosity;
        var decay = Math.Exp(-lambda * horizon);
        var exact = initial * decay + forcing.unsqueeze(0) * ((1 - decay) / lambda);
        var errors = new[] { 0.02, 0.01, 0.005 }
            .Select(dt => FlowFields.RelativeL2(FlowFields.Solve(grid, initial, viscosity, dt, (int)Math.Round(horizon / dt), forcing), exact))
            .ToArray();
        Assert.True(errors[0] < 1e-2, $"error at dt 0.02: {errors[0]}");
        for (var i = 1; i < errors.Length; i++)
        {
            var ratio = errors[i - 1] / errors[i];
            Assert.InRange(ratio, 3.8, 4.2);
        }
    }

    /// <summary>
    /// With a GRF field strong enough for advection to matter, the differences between solutions at dt, dt/2, dt/4, dt/8
    /// shrink by 2 per halving: the FNO recipe treats advection by forward Euler, which makes the full scheme first order
    /// in time (second order only where advection vanishes, as above).
    /// </summary>
    [Fact]
    public void Time_step_refinement_is_first_order_with_explicit_advection()
    {
        using var scope = NewDisposeScope();
        using var grid = new PeriodicGrid(32, 1.0, CPU);
        const double viscosity = 1e-3, horizon = 0.1, dt = 4e-3;
        var forcing = VorticityForcing.Fno(grid);
        var initial = GaussianRandomField.Sample(11, [0], 32, CPU) * 20.0;
        var solutions = new[] { 1, 2, 4, 8 }
            .Select(r => FlowFields.Solve(grid, initial, viscosity, dt / r, r * (int)Math.Round(horizon / dt), forcing))
            .ToArray();
        var differences = Enumerable.Range(0, 3).Select(i => (solutions[i] - solutions[i + 1]).norm().item<double>()).ToArray();
        Assert.True(differences[0] < 0.05 * solutions[3].norm().item<double>(), "the coarsest step should already be accurate");
        Assert.InRange(differences[0] / differences[1], 1.8, 2.5);
        Assert.InRange(differences[1] / differences[2], 1.8, 2.3);
    }
}
