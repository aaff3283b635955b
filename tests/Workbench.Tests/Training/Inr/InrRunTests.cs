using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Core.Progress;
using Workbench.Models.Inr;
using Workbench.Training.Inr;
using Workbench.Training.Runs;
using static TorchSharp.torch;

namespace Workbench.Tests.Training.Inr;

[Collection(TrainingRunCollection.Name)]
public sealed class InrRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-inr-run-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A smooth 48 x 48 image: 2304 training points, more than NSTR's 1024 transport points, so every step draws a subset.</summary>
    private static InrSignal Smooth()
    {
        var grid = ImageSignals.Grid(48).reshape(-1, 2);
        var values = (sin(3 * grid[.., 0]) * cos(2 * grid[.., 1])).reshape(-1, 1) * 0.8;
        return new InrSignal("smooth", grid, values, grid, values, InrMetric.Psnr, 48);
    }

    private static InrFitConfig Config(InrKind kind) =>
        new("smooth", kind, 40_000, new InrFitSettings(Steps: 7, EvalEvery: 2), new InrTaskScale(Seed: 4), new NstrChoices());

    private (InrFitResult? Result, RunFolder Run) Fit(InrFitConfig config, InrSignal signal, string name, bool resume = false, double? maxSeconds = null)
    {
        var run = new RunFolder(Path.Combine(_folder, name));
        return (InrRun.Fit(config, signal, run, resume, torch.CPU, SilentProgress.Instance, maxSeconds), run);
    }

    private static Tensor[] LastWeights(RunFolder run, InrFitConfig config, InrSignal signal)
    {
        var options = ParameterBudget.Options(config.Model, InrTaskScale.ShapeOf(signal), config.Budget);
        var model = InrFactory.Build(options);
        Checkpoint.Load(run.LastCheckpoint, model, optimizers: []);
        return model.parameters().Select(p => p.detach().clone()).ToArray();
    }

    private static string Line(JsonObject line) =>
        string.Join(",", line.Where(p => p.Key is not ("seconds" or "fit_seconds")).Select(p => $"{p.Key}={p.Value}"));

    [Theory]
    [InlineData(InrKind.Nstr)]
    [InlineData(InrKind.HashGrid)]
    public void A_fit_stopped_after_a_round_and_resumed_equals_the_uninterrupted_fit_bit_for_bit(InrKind kind)
    {
        var signal = Smooth();
        var config = Config(kind);

        var (whole, wholeRun) = Fit(config, signal, "whole");
        var (stopped, splitRun) = Fit(config, signal, "split", maxSeconds: 1e-9);
        var linesWhenStopped = splitRun.ReadMetrics();
        var (resumed, _) = Fit(config, signal, "split", resume: true);

        Assert.Null(stopped);
        Assert.Equal(1, (int)Assert.Single(linesWhenStopped)["round"]!);
        Assert.Equal([2L, 4L, 6L, 7L], wholeRun.ReadMetrics().Select(m => (long)m["step"]!));
        Assert.Equal(wholeRun.ReadMetrics().Select(Line), splitRun.ReadMetrics().Select(Line));
        foreach (var (a, b) in LastWeights(wholeRun, config, signal).Zip(LastWeights(splitRun, config, signal)))
            Assert.True(a.equal(b).all().item<bool>(), "a weight differs after the resume");
        Assert.Equal(whole!.Curve.Select(c => (c.Step, c.Score, c.Loss)), resumed!.Curve.Select(c => (c.Step, c.Score, c.Loss)));
        Assert.Equal(whole.Score, resumed.Score);
    }

    /// <summary>The committed comparisons were fitted in memory: a run folder gives the same numbers.</summary>
    [Fact]
    public void A_fit_in_a_run_folder_scores_as_the_fit_in_memory()
    {
        var signal = Smooth();
        var config = Config(InrKind.Nstr);

        var (inFolder, run) = Fit(config, signal, "folder");
        var inMemory = InrComparison.FitOne(signal, InrKind.Nstr, config.Budget, config.Settings, seed: 4);

        Assert.Equal(inMemory.Curve.Select(c => (c.Step, c.Score, c.Loss)), inFolder!.Curve.Select(c => (c.Step, c.Score, c.Loss)));
        Assert.Equal((inMemory.Score, inMemory.Parameters), (inFolder.Score, inFolder.Parameters));
        Assert.Equal(5, inFolder.Curve.Count);
        Assert.Equal(inFolder.Score, (double)JsonNode.Parse(File.ReadAllText(InrRun.ResultPath(run)))!["score"]!);
    }

    [Fact]
    public void A_folder_holding_another_fit_is_not_resumed()
    {
        var signal = Smooth();
        Fit(Config(InrKind.HashGrid), signal, "run", maxSeconds: 1e-9);

        var error = Assert.Throws<Workbench.Core.Errors.WorkbenchException>(() => Fit(Config(InrKind.HashGrid) with { Budget = 30_000 }, signal, "run", resume: true));

        Assert.Contains("another configuration", error.Message);
    }
}
