using System.Globalization;
using System.Text.Json;
using Workbench.Core.Progress;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// Generates McWilliams decaying-turbulence trajectories (nu = 1e-3, no forcing) with <see cref="RungeKutta4Stepper"/>
/// in float64, batched over samples; stored as float32 [frames, s, s], frame i at t = WarmupTime + i RecordEvery.
/// </summary>
public static class McWilliamsGenerator
{
    public const string Name = "mcwilliams-2d";

    /// <summary>Streams the samples of <paramref name="range"/> in index order, one batch at a time.</summary>
    public static IEnumerable<GeneratedTrajectory> Generate(McWilliamsOptions options, long seed, SampleBlock range,
        Device? device = null, IProgressSink? progress = null)
    {
        options.Validate();
        var provenance = Provenance(options, seed);
        var sink = progress ?? SilentProgress.Instance;
        var shape = new[] { options.FrameCount, options.OutputResolution, options.OutputResolution };
        var sampleSize = shape[0] * shape[1] * shape[2];
        for (var start = range.Start; start < range.End; start += options.BatchSize)
        {
            var indices = new List<long>();
            for (var i = start; i < Math.Min(range.End, start + options.BatchSize); i++) indices.Add(i);
            var batch = SimulateBatch(options, seed, indices, device ?? CPU, sink, range);
            for (var b = 0; b < indices.Count; b++)
                yield return new GeneratedTrajectory(indices[b], batch.AsSpan(b * sampleSize, sampleSize).ToArray(), shape, provenance);
        }
    }

    /// <summary>Trajectories [B, frames, s, s] (float32, on the CPU) for the given sample indices.</summary>
    public static Tensor Simulate(McWilliamsOptions options, long seed, IReadOnlyList<long> indices, Device? device = null)
    {
        options.Validate();
        var values = SimulateBatch(options, seed, indices, device ?? CPU, SilentProgress.Instance, new SampleBlock(0, indices.Count));
        return tensor(values, [indices.Count, options.FrameCount, options.OutputResolution, options.OutputResolution]);
    }

    private static float[] SimulateBatch(McWilliamsOptions options, long seed, IReadOnlyList<long> indices, Device device,
        IProgressSink progress, SampleBlock range)
    {
        using var scope = NewDisposeScope();
        using var grid = new PeriodicGrid(options.SolverResolution, 2 * Math.PI, device);
        using var stepper = new RungeKutta4Stepper(grid, options.Viscosity, options.TimeStep);
        var vorticityHat = McWilliamsInitialCondition.SampleSpectrum(options, seed, indices, device);
        var stepsPerSample = options.WarmupSteps + (long)options.Snapshots * options.StepsPerRecord;
        var done = (indices[0] - range.Start) * stepsPerSample;
        var total = range.Count * stepsPerSample;
        for (var step = 0; step < options.WarmupSteps; step++) stepper.Step(vorticityHat);
        progress.Report(Name, done + indices.Count * (long)options.WarmupSteps, total, $"warm-up done, samples {indices[0]}..{indices[^1]}");
        var frames = new Tensor[options.FrameCount];
        frames[0] = Snapshot(vorticityHat, options);
        for (var record = 1; record <= options.Snapshots; record++)
        {
            for (var step = 0; step < options.StepsPerRecord; step++) stepper.Step(vorticityHat);
            frames[record] = Snapshot(vorticityHat, options);
            progress.Report(Name, done + indices.Count * (options.WarmupSteps + (long)record * options.StepsPerRecord), total,
                $"t = {(options.WarmupTime + record * options.RecordEvery).ToString("G6", CultureInfo.InvariantCulture)}, samples {indices[0]}..{indices[^1]}");
        }
        return stack(frames, 1).cpu().data<float>().ToArray();
    }

    private static Tensor Snapshot(Tensor vorticityHat, McWilliamsOptions options)
    {
        using var fields = FieldDownsampler.FromSpectrum(vorticityHat, options.SolverResolution, options.OutputResolution, options.Downsampling);
        return fields.to(float32);
    }

    public static IReadOnlyDictionary<string, string> Provenance(McWilliamsOptions options, long seed)
    {
        var parameters = new Dictionary<string, object>
        {
            ["viscosity"] = options.Viscosity,
            ["solver_resolution"] = options.SolverResolution,
            ["output_resolution"] = options.OutputResolution,
            ["time_step"] = options.TimeStep,
            ["warmup_time"] = options.WarmupTime,
            ["end_time"] = options.EndTime,
            ["snapshots"] = options.Snapshots,
            ["downsampling"] = options.Downsampling == Downsampling.SpectralTruncation ? "spectral-truncation" : "subsample",
            ["peak_wavenumber"] = options.PeakWavenumber,
            ["spectrum_tau"] = options.SpectrumTau,
        };
        return new Dictionary<string, string>
        {
            ["generator"] = Name,
            ["parameters"] = JsonSerializer.Serialize(parameters),
            ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
            ["protocol"] = "McWilliams decaying turbulence on (0, 2 pi)^2, no forcing: white noise shaped to |psi_hat|^2 ~ "
                + "k^-1 (tau^2 + (k/k0)^4)^-1 on the 2/3-rule modes, unit kinetic energy; pseudo-spectral RK4, 2/3 de-aliasing, "
                + "float64; sample j drawn from seed-derived stream 'mcwilliams:j'; frame i is t = warmup + i (end - warmup) / snapshots",
            ["layout"] = "trajectory [frames, x, y] float32, x along axis 1",
        };
    }
}
