using Workbench.Data.Generators.NavierStokes;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Tests.Data.NavierStokes;

/// <summary>Small helpers shared by the Navier-Stokes tests.</summary>
internal static class FlowFields
{
    /// <summary>f(x, y) on the grid of <paramref name="grid"/> (x along dim 0), as [S, S] float64.</summary>
    public static Tensor OnGrid(PeriodicGrid grid, Func<Tensor, Tensor, Tensor> f)
    {
        var shape = new[] { grid.Height, grid.Width };
        return f(grid.X().expand(shape), grid.Y().expand(shape));
    }

    public static double MaxAbs(Tensor t) => t.abs().max().item<double>();

    public static double RelativeL2(Tensor value, Tensor reference) =>
        (value - reference).norm().item<double>() / reference.norm().item<double>();

    /// <summary>Runs <paramref name="steps"/> Crank-Nicolson steps from a physical field batch and returns the physical result.</summary>
    public static Tensor Solve(PeriodicGrid grid, Tensor initial, double viscosity, double dt, int steps, Tensor? forcing)
    {
        using var stepper = new CrankNicolsonStepper(grid, viscosity, dt, forcing);
        var spectrum = grid.ToSpectrum(initial);
        for (var i = 0; i < steps; i++) stepper.Step(spectrum);
        return grid.ToPhysical(spectrum);
    }

    public static string FixturePath(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "tests", "fixtures")))
            directory = directory.Parent;
        if (directory is null) throw new DirectoryNotFoundException("tests/fixtures not found above the test output folder.");
        return Path.Combine(directory.FullName, "tests", "fixtures", "navier-stokes", name);
    }
}
