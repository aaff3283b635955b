using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Training.Refine;
using Workbench.Training.Runs;

namespace Workbench.Cli.Commands;

/// <summary>
/// <c>workbench refine EXPERIMENT.json --run RUN_DIR [--out DIR]</c>: Spectral-Refiner fine-tuning of a trained SFNO in a
/// run folder; <c>workbench refine --resume DIR</c> continues one.
/// </summary>
public static class RefineCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var experiment = new Argument<string?>("experiment")
        {
            Description = "Refinement config (JSON), e.g. experiments/ns2d-sfno-refine.json. Optional with --resume, which reads the run's own config.json.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var run = new Option<string?>("--run") { Description = "Run folder of the trained SFNO (config.json, checkpoints/); wins over the config's trained_run." };
        var output = new Option<string?>("--out") { Description = "Refinement run folder to create (default runs/<name>)." };
        var resume = new Option<string?>("--resume") { Description = "Continue the refinement in this run folder from checkpoints/last.ckpt." };
        var maxSeconds = TrainCommand.MaxSecondsOption();
        var command = new Command("refine",
            "Fine-tune only the output spectral layer of a trained SFNO on the PDE residual in a negative Sobolev norm (no ground truth); "
            + "writes a run folder with metrics.jsonl per iteration, checkpoints and summary.json.")
        {
            experiment, run, output, resume, maxSeconds,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            if (parse.GetValue(maxSeconds) is <= 0) throw new ConfigException("refine: --max-seconds must be positive");
            var resumeDir = parse.GetValue(resume);
            if (resumeDir is not null && parse.GetValue(output) is not null) throw new WorkbenchException("refine: --out and --resume cannot be combined");
            RefineConfig config;
            RunFolder folder;
            if (resumeDir is not null)
            {
                folder = new RunFolder(resumeDir);
                if (!File.Exists(folder.ConfigPath)) throw new WorkbenchException($"{folder.Root}: not a run folder (config.json missing)");
                config = RefineConfig.Load(folder.ConfigPath);
                if (config.TrainedRun is null) throw new ConfigException($"{folder.ConfigPath}: names no trained_run");
            }
            else
            {
                var path = parse.GetValue(experiment) ?? throw new WorkbenchException("refine: expected a refinement config or --resume RUN_DIR");
                config = RefineConfig.Load(path);
                var trained = parse.GetValue(run) ?? config.TrainedRun
                    ?? throw new ConfigException("refine: expected --run RUN_DIR (or trained_run in the config)");
                config = config with { TrainedRun = Path.GetFullPath(trained) };
                folder = new RunFolder(parse.GetValue(output) ?? Path.Combine("runs", config.Name));
            }
            ctx.ConfigureRuntime();
            var summary = new RefineRunner(ctx.Device, ctx.Progress).Run(config, folder, resumeDir is not null, parse.GetValue(maxSeconds));
            ctx.Output.WriteLine($"run folder: {folder.Root}");
            if (summary.ContainsKey("stopped_by")) return 0;
            ctx.Output.WriteLine($"relative L2 {summary["relative_l2_before"]} -> {summary["relative_l2_after"]}, "
                + $"residual {summary["residual_before"]} -> {summary["residual_after"]}");
            return 0;
        });
        return command;
    }
}
