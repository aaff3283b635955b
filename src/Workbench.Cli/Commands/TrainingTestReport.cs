using TorchSharp;
using Workbench.Cli.Hosting;
using Workbench.Training.Engine;
using Workbench.Training.Runs;

namespace Workbench.Cli.Commands;

/// <summary>
/// The end of a finished <c>workbench train</c> whose experiment has a test split: the best checkpoint evaluated as
/// <c>workbench eval --checkpoint best</c> does (and stored as eval-best.json), its test metrics printed on one line.
/// </summary>
public static class TrainingTestReport
{
    public static void Print(CliContext ctx, RunFolder run, torch.Device device)
    {
        var trained = TrainedRun.Open(run.Root);
        using var data = DataSourceFactory.Open(trained.Config);
        if (data.Splits.Test.Count == 0 || !File.Exists(run.BestCheckpoint)) return;
        var report = CheckpointEvaluation.Evaluate(trained, data, "best", device);
        var metrics = CheckpointEvaluation.Metrics(report, "test").Select(m => $"{m.Metric} {m.Value:R}");
        ctx.Output.WriteLine($"test (best, epoch {report["epoch"]}): {string.Join(", ", metrics)}");
    }
}
