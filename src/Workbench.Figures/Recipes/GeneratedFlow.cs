using Workbench.Core.Progress;
using Workbench.Data.Generators;
using Workbench.Data.Generators.NavierStokes;

namespace Workbench.Figures.Recipes;

/// <summary>
/// A small Navier-Stokes dataset a recipe makes for itself (its quick variant): samples on a grid, solved on a finer one,
/// recorded every <see cref="RecordEvery"/> after a warm-up, the first 10 frames the inputs (the FNO task split).
/// </summary>
public sealed record GeneratedFlow(int Samples, int Resolution, int SolverResolution, double Dt, double Horizon, double RecordEvery = 1, double Warmup = 0)
{
    public string Write(long seed, string path)
    {
        var options = new NavierStokesOptions
        {
            SolverResolution = SolverResolution, OutputResolution = Resolution, TimeStep = Dt, Horizon = Horizon,
            RecordEvery = RecordEvery, WarmupTime = Warmup, BatchSize = Samples,
        };
        options.Validate();
        TrajectoryDatasets.Write(path, NavierStokesGenerator.Generate(options, seed, new SampleBlock(0, Samples)), Samples, Samples, 0,
            FrameSplit.Fno(options.FrameCount), options.RecordEvery, options.WarmupTime, SilentProgress.Instance);
        return path;
    }
}
