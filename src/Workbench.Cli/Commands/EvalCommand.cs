using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Training.Engine;
using Workbench.Training.Runs;

namespace Workbench.Cli.Commands;

/// <summary><c>workbench eval RUN_DIR [--checkpoint last|best]</c>: recompute validation (and test) metrics from a checkpoint.</summary>
public static class EvalCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var runDir = new Argument<string>("run") { Description = "Run folder written by 'workbench train'." };
        var which = new Option<string>("--checkpoint") { Description = "Which checkpoint to evaluate: last or best.", DefaultValueFactory = _ => "last" };
        which.AcceptOnlyFromAmong("last", "best");
        var command = new Command("eval", "Evaluate a run's checkpoint on its validation and test splits; writes eval-last.json or eval-best.json.") { runDir, which };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var trained = TrainedRun.Open(parse.GetValue(runDir)!);
            ctx.ConfigureRuntime();
            using var data = DataSourceFactory.Open(trained.Config);
            var report = CheckpointEvaluation.Evaluate(trained, data, parse.GetValue(which)!, ctx.Device);
            foreach (var split in new[] { "validation", "test" })
            foreach (var (metric, value) in CheckpointEvaluation.Metrics(report, split))
                ctx.Output.WriteLine($"{split} {metric} {value:R}");
            return 0;
        });
        return command;
    }
}
