using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Figures.Charts;
using Workbench.Training.Codec;
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
        var maxSeconds = MaxSecondsOption();
        var command = new Command("train", "Train an experiment (operator, nowcasting or, with \"task\": \"codec\", a learned codec) into a run folder " +
                                           "(config, metrics, checkpoints, summary); --seed replaces the config's seed. A finished run with a test split " +
                                           "ends with the best checkpoint's test metrics (also written to eval-best.json).")
        {
            experiment, output, resume, maxSeconds,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var resumeDir = parse.GetValue(resume);
            var experimentPath = parse.GetValue(experiment);
            if (resumeDir is null && experimentPath is null) throw new WorkbenchException("train: expected an experiment config file or --resume RUN_DIR");
            if (resumeDir is not null && parse.GetValue(output) is not null) throw new WorkbenchException("train: --out and --resume cannot be combined");

            if (resumeDir is not null && !File.Exists(new RunFolder(resumeDir).ConfigPath))
                throw new WorkbenchException($"{new RunFolder(resumeDir).Root}: not a run folder (config.json missing)");
            var configPath = resumeDir is not null ? new RunFolder(resumeDir).ConfigPath : experimentPath!;
            if (ExperimentTask.IsCodec(configPath))
                return CodecCommand.RunExperiment(ctx, CodecExperimentConfig.Load(configPath), resumeDir, parse.GetValue(output), parse.GetValue(maxSeconds));

            RunFolder run;
            ExperimentConfig config;
            if (resumeDir is not null)
            {
                run = new RunFolder(resumeDir);
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
            var summary = new Trainer(device, ctx.Progress, request).Train(config, run, resumeDir is not null, parse.GetValue(maxSeconds));
            RunCharts.TrainingCurves(config.Name, run.ReadMetrics()).Save(run.FiguresDir);
            ctx.Output.WriteLine($"run folder: {run.Root}");
            ctx.Output.WriteLine($"final: {summary["final"]!.ToJsonString()}");
            if (summary["stopped_by"] is null) TrainingTestReport.Print(ctx, run, device);
            return 0;
        });
        return command;
    }

    public static Option<double?> MaxSecondsOption() => new("--max-seconds")
    {
        Description = "Stop after the round (epoch, or a codec's checkpoint_every steps) that reaches this much training time; " +
                      "the run is saved and continues with --resume.",
    };
}
