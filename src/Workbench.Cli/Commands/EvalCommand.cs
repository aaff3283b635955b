using System.CommandLine;
using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Training.Config;
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
            var (run, config) = (trained.Folder, trained.Config);
            ctx.ConfigureRuntime();
            var checkpoint = run.CheckpointNamed(parse.GetValue(which)!);

            using var data = DataSourceFactory.Open(config);
            var (loaded, state) = trained.LoadModel(parse.GetValue(which)!, ctx.Device);
            using var model = loaded;
            var report = new JsonObject { ["checkpoint"] = Path.GetFileName(checkpoint), ["epoch"] = state.Epoch };
            foreach (var (name, range) in new[] { ("validation", data.Splits.Validation), ("test", data.Splits.Test) }.Where(s => s.Item2.Count > 0))
            {
                var metrics = Evaluator.Evaluate(model, data.Source, range, config, ctx.Device);
                var node = new JsonObject();
                foreach (var (key, value) in metrics)
                {
                    node[key] = value;
                    ctx.Output.WriteLine($"{name} {key} {value:R}");
                }
                report[name] = node;
            }
            run.WriteJson(run.EvalPathFor(parse.GetValue(which)!), report);
            return 0;
        });
        return command;
    }
}
