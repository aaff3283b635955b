using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Training.Refine;
using Workbench.Training.Runs;

namespace Workbench.Cli.Commands;

/// <summary><c>workbench refine EXPERIMENT.json --run RUN_DIR [--out DIR]</c>: Spectral-Refiner fine-tuning of a trained SFNO.</summary>
public static class RefineCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var experiment = new Argument<string>("experiment") { Description = "Refinement config (JSON), e.g. experiments/ns2d-sfno-refine.json." };
        var run = new Option<string>("--run") { Description = "Run folder of the trained SFNO (config.json, checkpoints/).", Required = true };
        var output = new Option<string?>("--out") { Description = "Refinement run folder to create (default runs/<name>)." };
        var command = new Command("refine",
            "Fine-tune only the output spectral layer of a trained SFNO on the PDE residual in a negative Sobolev norm (no ground truth); "
            + "writes metrics.jsonl per iteration and summary.json.")
        {
            experiment, run, output,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var config = RefineConfig.Load(parse.GetValue(experiment)!);
            ctx.ConfigureRuntime();
            var folder = new RunFolder(parse.GetValue(output) ?? Path.Combine("runs", config.Name));
            var summary = new RefineRunner(ctx.Device, ctx.Progress).Run(config, parse.GetValue(run)!, folder);
            ctx.Output.WriteLine($"run folder: {folder.Root}");
            ctx.Output.WriteLine($"relative L2 {summary["relative_l2_before"]} -> {summary["relative_l2_after"]}, "
                + $"residual {summary["residual_before"]} -> {summary["residual_after"]}");
            return 0;
        });
        return command;
    }
}
