using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Figures.Charts;
using Workbench.Training.Config;
using Workbench.Training.Engine;
using Workbench.Training.Runs;

namespace Workbench.Cli.Commands;

/// <summary><c>workbench train EXPERIMENT.json [--out DIR] [--resume DIR]</c>.</summary>
public static class TrainCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var experiment = new Argument<string?>("experiment")
        {
            Description = "Experiment config (JSON). Optional with --resume, which reads the run's own config.json.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var output = new Option<string?>("--out") { Description = "Run folder to create (default runs/<name>)." };
        var resume = new Option<string?>("--resume") { Description = "Continue the run in this folder from checkpoints/last.ckpt (from its first epoch when it has none yet)." };
        var command = new Command("train", "Train an experiment into a run folder (config, metrics, checkpoints, summary); --seed replaces the config's seed.")
        {
            experiment, output, resume,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var resumeDir = parse.GetValue(resume);
            var experimentPath = parse.GetValue(experiment);
            if (resumeDir is null && experimentPath is null) throw new WorkbenchException("train: expected an experiment config file or --resume RUN_DIR");
            if (resumeDir is not null && parse.GetValue(output) is not null) throw new WorkbenchException("train: --out and --resume cannot be combined");

            RunFolder run;
            ExperimentConfig config;
            if (resumeDir is not null)
            {
                run = new RunFolder(resumeDir);
                if (!File.Exists(run.ConfigPath)) throw new WorkbenchException($"{run.Root}: not a run folder (config.json missing)");
                config = ExperimentConfigLoader.Load(run.ConfigPath);
            }
            else
            {
                config = ExperimentConfigLoader.Load(experimentPath!);
                if (ctx.SeedGiven) config = config with { Seed = ctx.Seed };
                run = new RunFolder(parse.GetValue(output) ?? Path.Combine("runs", config.Name));
            }

            ctx.ConfigureRuntime();
            var (device, request) = ctx.DeviceFor(config.Device);
            var summary = new Trainer(device, ctx.Progress, request).Train(config, run, resumeDir is not null);
            RunCharts.TrainingCurves(config.Name, run.ReadMetrics()).Save(run.FiguresDir);
            ctx.Output.WriteLine($"run folder: {run.Root}");
            ctx.Output.WriteLine($"final: {summary["final"]!.ToJsonString()}");
            return 0;
        });
        return command;
    }
}
