using Workbench.Core.Benchmarks;
using System.Diagnostics;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;
using Workbench.Data.Generators.NavierStokes;

namespace Workbench.Data.Benchmarks;

/// <summary>Throughput of the FNO Crank-Nicolson step (float64) on a batch of GRF initial fields.</summary>
public static class NavierStokesBenchmark
{
    public static BenchResult MeasureSteps(int resolution = 256, int batch = 20, int steps = 30, int warmupSteps = 3,
        Device? device = null, long seed = 0)
    {
        var target = device ?? CPU;
        using var scope = NewDisposeScope();
        var recipe = new NavierStokesOptions { SolverResolution = resolution };
        using var grid = new PeriodicGrid(resolution, recipe.Length, target);
        using var stepper = recipe.CreateStepper(grid);
        var indices = Enumerable.Range(0, batch).Select(i => (long)i).ToArray();
        var vorticityHat = recipe.InitialSpectrum(grid, seed, indices);
        for (var i = 0; i < warmupSteps; i++) stepper.Step(vorticityHat);
        Synchronize(target);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++) stepper.Step(vorticityHat);
        Synchronize(target);
        var seconds = clock.Elapsed.TotalSeconds;
        var parameters = new Dictionary<string, object>
        {
            ["resolution"] = resolution,
            ["batch"] = batch,
            ["steps"] = steps,
            ["dtype"] = "float64",
            ["device"] = target.ToString(),
            ["threads"] = get_num_threads(),
        };
        return new BenchResult("navier-stokes-cn-step", parameters, steps / seconds, "steps/s");
    }

    private static void Synchronize(Device device)
    {
        if (device.type == TorchSharp.DeviceType.CUDA) cuda.synchronize();
    }
}
