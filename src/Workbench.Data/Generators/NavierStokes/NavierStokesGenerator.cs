using System.Globalization;
using System.Text.Json;
using Workbench.Core.Progress;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// Generates FNO Navier-Stokes trajectories: d_t w + u . grad w = nu Lap w + f on the unit torus, from
/// <see cref="GaussianRandomField"/> initial fields, stepped by <see cref="CrankNicolsonStepper"/> in float64 on any
/// device, batched over samples, downsampled per <see cref="Downsampling"/> and stored as float32 [frames, s, s].
/// </summary>
public static class NavierStokesGenerator
{
    public const string Name = "navier-stokes-2d";

    /// <summary>
    /// Streams the samples of <paramref name="range"/> in index order, one batch of solves at a time; nothing beyond the
    /// current batch is held in memory. Sample j is the same whatever range, batch size or device produced it
    /// (bit-for-bit on one device).
    /// </summary>
    public static IEnumerable<GeneratedTrajectory> Generate(NavierStokesOptions options, long seed, SampleBlock range,
        Device? device = null, IProgressSink? progress = null)
    {
        options.Validate();
        var provenance = Provenance(options, seed);
        var sink = progress ?? SilentProgress.Instance;
        var shape = new[] { options.FrameCount, options.OutputResolution, options.OutputResolution };
        var frameSize = options.OutputResolution * options.OutputResolution;
        for (var start = range.Start; start < range.End; start += options.BatchSize)
        {
            var indices = new List<long>();
            for (var i = start; i < Math.Min(range.End, start + options.BatchSize); i++) indices.Add(i);
            var batch = SimulateBatch(options, seed, indices, device ?? CPU, sink, range);
            for (var b = 0; b < indices.Count; b++)
                yield return new GeneratedTrajectory(indices[b], batch.AsSpan(b * shape[0] * frameSize, shape[0] * frameSize).ToArray(), shape, provenance);
        }
    }

    /// <summary>Trajectories [B, frames, s, s] (float32, on the CPU) for the given sample indices.</summary>
    public static Tensor Simulate(NavierStokesOptions options, long seed, IReadOnlyList<long> indices, Device? device = null)
    {
        options.Validate();
        var values = SimulateBatch(options, seed, indices, device ?? CPU, SilentProgress.Instance, new SampleBlock(0, indices.Count));
        return tensor(values, [indices.Count, options.FrameCount, options.OutputResolution, options.OutputResolution]);
    }

    private static float[] SimulateBatch(NavierStokesOptions options, long seed, IReadOnlyList<long> indices, Device device,
        IProgressSink progress, SampleBlock range)
    {
        using var scope = NewDisposeScope();
        using var grid = new PeriodicGrid(options.SolverResolution, 1.0, device);
        using var stepper = new CrankNicolsonStepper(grid, options.Viscosity, options.TimeStep, Forcing.Fno(grid));
        var vorticityHat = grid.ToSpectrum(GaussianRandomField.Sample(seed, indices, options.SolverResolution, device));
        var done = (indices[0] - range.Start) * options.TotalSteps;
        var total = range.Count * options.TotalSteps;
        for (var step = 0; step < options.WarmupSteps; step++) stepper.Step(vorticityHat);
        var frames = new Tensor[options.FrameCount];
        frames[0] = Snapshot(vorticityHat, options);
        for (var record = 1; record <= options.RecordCount; record++)
        {
            for (var step = 0; step < options.StepsPerRecord; step++) stepper.Step(vorticityHat);
            frames[record] = Snapshot(vorticityHat, options);
            progress.Report(Name, done + indices.Count * (options.WarmupSteps + (long)record * options.StepsPerRecord), total,
                $"t = {(options.WarmupTime + record * options.RecordEvery).ToString("G6", CultureInfo.InvariantCulture)}, samples {indices[0]}..{indices[^1]}");
        }
        return stack(frames, 1).cpu().data<float>().ToArray();
    }

    private static Tensor Snapshot(Tensor vorticityHat, NavierStokesOptions options)
    {
        using var fields = FieldDownsampler.FromSpectrum(vorticityHat, options.SolverResolution, options.OutputResolution, options.Downsampling);
        return fields.to(float32);
    }

    /// <summary>What produced the data, as string attributes: generator, parameters (JSON), seed and the protocol.</summary>
    public static IReadOnlyDictionary<string, string> Provenance(NavierStokesOptions options, long seed)
    {
        var parameters = new Dictionary<string, object>
        {
            ["viscosity"] = options.Viscosity,
            ["solver_resolution"] = options.SolverResolution,
            ["output_resolution"] = options.OutputResolution,
            ["time_step"] = options.TimeStep,
            ["horizon"] = options.Horizon,
            ["record_every"] = options.RecordEvery,
            ["warmup_time"] = options.WarmupTime,
            ["downsampling"] = options.Downsampling == Downsampling.SpectralTruncation ? "spectral-truncation" : "subsample",
            ["grf_alpha"] = GaussianRandomField.Alpha,
            ["grf_tau"] = GaussianRandomField.Tau,
            ["forcing"] = "0.1 (sin 2 pi (x+y) + cos 2 pi (x+y))",
        };
        return new Dictionary<string, string>
        {
            ["generator"] = Name,
            ["parameters"] = JsonSerializer.Serialize(parameters),
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["protocol"] = "FNO recipe: vorticity form on the unit torus, GRF initial condition N(0, 7^3 (-Lap + 49)^-2.5), "
                + "pseudo-spectral Crank-Nicolson with explicit advection and 2/3 de-aliasing, float64; sample j drawn from "
                + "seed-derived stream 'ns:j'; frame i is t = warmup_time + i * record_every; task: frames 1..10 -> 11..T",
            ["layout"] = "trajectory [frames, x, y] float32, x along axis 1",
        };
    }
}
