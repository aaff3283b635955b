using Workbench.Core.Errors;
using Workbench.Core.Progress;
using Workbench.Data.Generators;
using Workbench.Data.Generators.NavierStokes;
using static TorchSharp.torch;

namespace Workbench.Tests.Data.NavierStokes;

public sealed class GenerationApiTests
{
    private static readonly NavierStokesOptions Tiny = new()
    {
        SolverResolution = 32, OutputResolution = 16, TimeStep = 1e-2, Horizon = 2, RecordEvery = 0.5, BatchSize = 2,
    };

    [Fact]
    public void Sample_j_is_identical_alone_or_in_a_batch()
    {
        using var scope = NewDisposeScope();
        var alone = NavierStokesGenerator.Simulate(Tiny, 42, [3]);
        var batched = NavierStokesGenerator.Simulate(Tiny, 42, [1, 2, 3, 4]);
        Assert.Equal([1, 5, 16, 16], alone.shape);
        Assert.True(alone[0].equal(batched[2]).all().item<bool>(), "sample 3 differs between batch sizes");
        Assert.False(batched[1].allclose(batched[2]), "different samples must differ");
    }

    [Fact]
    public void Shards_partition_the_indices_and_reproduce_the_unsharded_run()
    {
        var whole = NavierStokesGenerator.Generate(Tiny, 42, SampleBlock.All(5)).ToList();
        var shards = Enumerable.Range(0, 3).SelectMany(i => NavierStokesGenerator.Generate(Tiny, 42, SampleBlock.Shard(5, i, 3))).ToList();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => (long)i), whole.Select(s => s.Index));
        Assert.Equal(whole.Select(s => s.Index), shards.Select(s => s.Index));
        for (var i = 0; i < whole.Count; i++) Assert.Equal(whole[i].Values, shards[i].Values);
        Assert.Equal([5, 16, 16], whole[0].Shape);
        Assert.Equal("navier-stokes-2d", whole[0].Provenance["generator"]);
        Assert.Equal("42", whole[0].Provenance["seed"]);
    }

    [Fact]
    public void Shard_ranges_follow_floor_of_i_n_over_count()
    {
        Assert.Equal(new SampleBlock(0, 3), SampleBlock.Shard(10, 0, 3));
        Assert.Equal(new SampleBlock(3, 3), SampleBlock.Shard(10, 1, 3));
        Assert.Equal(new SampleBlock(6, 4), SampleBlock.Shard(10, 2, 3));
        Assert.Equal((2, 4), SampleBlock.ParseShard("2/4"));
        var error = Assert.Throws<WorkbenchException>(() => SampleBlock.ParseShard("4/4"));
        Assert.Contains("--shard", error.Message);
        Assert.Throws<WorkbenchException>(() => SampleBlock.ParseShard("a/b"));
    }

    [Fact]
    public void First_frame_is_the_initial_field_and_progress_reaches_the_total()
    {
        using var scope = NewDisposeScope();
        var options = Tiny with { OutputResolution = 32 };
        var progress = new RecordingProgress();
        var sample = NavierStokesGenerator.Generate(options, 8, new SampleBlock(4, 1), progress: progress).Single();
        var initial = GaussianRandomField.Sample(8, [4], 32, CPU)[0].to(float32);
        Assert.True(tensor(sample.Values.AsSpan(0, 32 * 32).ToArray()).reshape(32, 32).allclose(initial, rtol: 0, atol: 1e-6));
        Assert.Equal(options.TotalSteps, progress.LastDone);
        Assert.Equal(options.TotalSteps, progress.LastTotal);
    }

    [Fact]
    public void Invalid_options_name_the_field()
    {
        var error = Assert.Throws<WorkbenchException>(() => NavierStokesGenerator.Generate(Tiny with { RecordEvery = 0.015 }, 1, SampleBlock.All(1)).ToList());
        Assert.StartsWith("--record-every", error.Message);
        error = Assert.Throws<WorkbenchException>(() => NavierStokesGenerator.Generate(Tiny with { OutputResolution = 12, Downsampling = Downsampling.Subsample }, 1, SampleBlock.All(1)).ToList());
        Assert.StartsWith("--resolution", error.Message);
        error = Assert.Throws<WorkbenchException>(() => NavierStokesOptions.FnoPreset(2e-3));
        Assert.StartsWith("--viscosity", error.Message);
        Assert.Equal(30, NavierStokesOptions.FnoPreset(1e-4).Horizon);
    }

    private sealed class RecordingProgress : IProgressSink
    {
        public long LastDone { get; private set; }
        public long LastTotal { get; private set; }

        public void Report(string task, long done, long total, string? detail = null)
        {
            LastDone = done;
            LastTotal = total;
        }

        public void Message(string text) { }
    }
}
