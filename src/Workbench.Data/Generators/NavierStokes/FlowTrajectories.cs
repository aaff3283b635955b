using System.Globalization;
using Workbench.Core.Progress;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// The one trajectory generator of the periodic flows: a batch of samples starts from the recipe's initial spectra and
/// advances with its stepper in float64 on any device; each recorded frame is brought to the output resolution
/// (<see cref="Downsampling"/>) and stored as float32 [frames, s, s]. Sample j is the same whatever range, batch size
/// or device produced it (bit-for-bit on one device).
/// </summary>
public static class FlowTrajectories
{
    /// <summary>
    /// Streams the samples of <paramref name="range"/> in index order, one batch of solves at a time; nothing beyond the
    /// current batch is held in memory.
    /// </summary>
    public static IEnumerable<GeneratedTrajectory> Generate(IFlowRecipe recipe, long seed, SampleBlock range,
        Device? device = null, IProgressSink? progress = null)
    {
        recipe.Validate();
        var provenance = recipe.Provenance(seed);
        var sink = progress ?? SilentProgress.Instance;
        var shape = new[] { recipe.RecordCount + 1, recipe.OutputResolution, recipe.OutputResolution };
        var sampleSize = shape[0] * shape[1] * shape[2];
        for (var start = range.Start; start < range.End; start += recipe.BatchSize)
        {
            var indices = new List<long>();
            for (var i = start; i < Math.Min(range.End, start + recipe.BatchSize); i++) indices.Add(i);
            var batch = SimulateBatch(recipe, seed, indices, device ?? CPU, sink, range);
            for (var b = 0; b < indices.Count; b++)
                yield return new GeneratedTrajectory(indices[b], batch.AsSpan(b * sampleSize, sampleSize).ToArray(), shape, provenance);
        }
    }

    /// <summary>Trajectories [B, frames, s, s] (float32, on the CPU) for the given sample indices.</summary>
    public static Tensor Simulate(IFlowRecipe recipe, long seed, IReadOnlyList<long> indices, Device? device = null)
    {
        recipe.Validate();
        var values = SimulateBatch(recipe, seed, indices, device ?? CPU, SilentProgress.Instance, new SampleBlock(0, indices.Count));
        return tensor(values, [indices.Count, recipe.RecordCount + 1, recipe.OutputResolution, recipe.OutputResolution]);
    }

    private static float[] SimulateBatch(IFlowRecipe recipe, long seed, IReadOnlyList<long> indices, Device device,
        IProgressSink progress, SampleBlock range)
    {
        using var scope = NewDisposeScope();
        using var grid = new PeriodicGrid(recipe.SolverResolution, recipe.Length, device);
        using var stepper = recipe.CreateStepper(grid);
        var vorticityHat = recipe.InitialSpectrum(grid, seed, indices);
        var stepsPerSample = recipe.WarmupSteps + (long)recipe.RecordCount * recipe.StepsPerRecord;
        var done = (indices[0] - range.Start) * stepsPerSample;
        var total = range.Count * stepsPerSample;
        for (var step = 0; step < recipe.WarmupSteps; step++) stepper.Step(vorticityHat);
        if (recipe.WarmupSteps > 0)
            progress.Report(recipe.Generator, done + indices.Count * (long)recipe.WarmupSteps, total, $"warm-up done, samples {indices[0]}..{indices[^1]}");
        var frames = new Tensor[recipe.RecordCount + 1];
        frames[0] = Snapshot(vorticityHat, recipe);
        for (var record = 1; record <= recipe.RecordCount; record++)
        {
            for (var step = 0; step < recipe.StepsPerRecord; step++) stepper.Step(vorticityHat);
            frames[record] = Snapshot(vorticityHat, recipe);
            progress.Report(recipe.Generator, done + indices.Count * (recipe.WarmupSteps + (long)record * recipe.StepsPerRecord), total,
                $"t = {(recipe.WarmupTime + record * recipe.RecordEvery).ToString("G6", CultureInfo.InvariantCulture)}, samples {indices[0]}..{indices[^1]}");
        }
        return stack(frames, 1).cpu().data<float>().ToArray();
    }

    private static Tensor Snapshot(Tensor vorticityHat, IFlowRecipe recipe)
    {
        using var fields = FieldDownsampler.FromSpectrum(vorticityHat, recipe.SolverResolution, recipe.OutputResolution, recipe.Downsampling);
        return fields.to(float32);
    }
}
