using Workbench.Data.Generators.NavierStokes;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Tests.Data.NavierStokes;

public sealed class McWilliamsTests
{
    /// <summary>
    /// Unforced, de-aliased (Galerkin) flow: advection moves energy between modes without creating any, viscosity only
    /// removes it, so dE/dt = -2 nu Z &lt; 0 and the energy falls at every step, by nearly 2 nu Z dt.
    /// </summary>
    [Fact]
    public void Energy_starts_at_one_and_decays_monotonically_at_the_enstrophy_rate()
    {
        using var scope = NewDisposeScope();
        const double viscosity = 1e-3, dt = 5e-3;
        var options = new McWilliamsOptions { SolverResolution = 64, Viscosity = viscosity, TimeStep = dt };
        using var grid = new PeriodicGrid(64, 2 * Math.PI, CPU);
        using var stepper = new RungeKutta4Stepper(grid, viscosity, dt);
        var spectrum = McWilliamsInitialCondition.SampleSpectrum(options, 9, [0, 1], CPU);
        var fields = grid.ToPhysical(spectrum);
        var energy = FlowStatistics.KineticEnergy(fields, grid.Length);
        Assert.True(FlowFields.MaxAbs(energy - 1.0) < 1e-12);
        for (var step = 0; step < 200; step++)
        {
            using var stepScope = NewDisposeScope();
            // Z = (1/2) mean(w^2) and dE/dt = -nu mean(w^2) = -2 nu Z for the unit-free domain average.
            var enstrophy = FlowStatistics.Enstrophy(fields);
            stepper.Step(spectrum);
            var nextFields = grid.ToPhysical(spectrum);
            var next = FlowStatistics.KineticEnergy(nextFields, grid.Length);
            var drop = energy - next;
            Assert.True(drop.min().item<double>() > 0, $"energy rose at step {step}");
            var predicted = enstrophy * (2 * viscosity * dt);
            Assert.True(FlowFields.MaxAbs(drop / predicted - 1) < 0.05, $"energy drop at step {step} is not 2 nu Z dt");
            energy.Dispose();
            fields.Dispose();
            energy = next.MoveToOuterDisposeScope();
            fields = nextFields.MoveToOuterDisposeScope();
        }
        Assert.True(FlowFields.MaxAbs(FlowStatistics.Mean(fields)) < 1e-12);
    }
}
