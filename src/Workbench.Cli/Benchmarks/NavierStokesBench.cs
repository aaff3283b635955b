using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Core.Benchmarks;
using Workbench.Data.Benchmarks;

namespace Workbench.Cli.Benchmarks;

/// <summary>Crank-Nicolson solver steps per second (float64) against the same recipe in numpy (experiments/bench/ns_numpy_bench.py).</summary>
public static class NavierStokesBench
{
    private static readonly Option<int> Resolution = new("--resolution") { Description = "Solver grid.", DefaultValueFactory = _ => 256 };
    private static readonly Option<int> Batch = new("--batch") { Description = "Trajectories stepped together.", DefaultValueFactory = _ => 20 };
    private static readonly Option<int> Steps = new("--steps") { Description = "Timed steps.", DefaultValueFactory = _ => 30 };

    public static BenchSuite Suite { get; } = new("navier-stokes", "Navier-Stokes solver steps/second vs numpy, same recipe and sizes.",
        [Resolution, Batch, Steps], Run);

    private static BenchReport Run(ParseResult parse, CliContext ctx)
    {
        var (resolution, batch, steps) = (parse.GetValue(Resolution), parse.GetValue(Batch), parse.GetValue(Steps));
        var ours = NavierStokesBenchmark.MeasureSteps(resolution, batch, steps, device: ctx.Device, seed: ctx.Seed);
        var peer = RepositoryPaths.Find("experiments/bench/ns_numpy_bench.py") is { } script
            ? PythonPeer.Run(script, ["--resolution", resolution.ToString(), "--batch", batch.ToString(), "--steps", steps.ToString()], ctx.Error)
            : null;
        var result = ours with { Peer = peer is null ? null : "numpy", PeerValue = peer?["value"]?.GetValue<double>() };
        return new BenchReport("navier-stokes", ctx.Device.ToString(), Workbench.Core.Runtime.Threads.Current, [result]);
    }
}
