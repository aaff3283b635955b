using System.CommandLine;
using TorchSharp;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using Workbench.Data.Hdf5;
using Workbench.Data.Sources;
using Workbench.Data.Splits;
using Workbench.Models.Nowcasting.Baselines;
using Workbench.Training.Config;
using Workbench.Training.Metrics.Nowcasting;
using Workbench.Training.Runs;

namespace Workbench.Cli.Commands;

/// <summary><c>workbench nowcast verify</c>: persistence, extrapolation and trained runs scored on one test range.</summary>
public static class NowcastCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("nowcast", "Precipitation nowcasting: verification of forecasters on radar sequences.");
        command.Add(Verify(context));
        return command;
    }

    private static Command Verify(Func<ParseResult, CliContext> context)
    {
        var data = new Option<string>("--data") { Description = "HDF5 file with /inputs and /targets [N, T, H, W] (VIL pixels).", Required = true };
        var range = new Option<string>("--test") { Description = "Sample range start:end to score.", Required = true };
        var runs = new Option<string[]>("--run") { Description = "NAME=RUN_DIR of a trained run (the checkpoint --checkpoint names); repeatable.", AllowMultipleArgumentsPerToken = true };
        var which = new Option<string>("--checkpoint") { Description = "Which checkpoint of each run to score: last or best.", DefaultValueFactory = _ => "last" };
        which.AcceptOnlyFromAmong("last", "best");
        var batch = new Option<int>("--batch") { Description = "Samples per batch.", DefaultValueFactory = _ => 10 };
        var output = new Option<string>("--out") { Description = "Output prefix: writes PREFIX.json and PREFIX.md.", Required = true };
        var command = new Command("verify", "Score persistence, Lucas-Kanade extrapolation and trained runs per lead time (CSI, POD, FAR, HSS, RMSE, SSIM).")
        {
            data, range, runs, which, batch, output,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            using var source = new Hdf5SampleSource(parse.GetValue(data)!, new DatasetReaderOptions());
            var test = DatasetSplits.ParseRange("--test", parse.GetValue(range)!, source.Count);
            var leads = (int)source.TargetShape[0];
            var extrapolation = new Extrapolation(new LucasKanadeFlow());
            var methods = new List<NowcastMethod>
            {
                new("persistence", x => Persistence.Forecast(x, leads)),
                new("extrapolation", x => extrapolation.Forecast(x, leads)),
            };
            var models = new List<IDisposable>();
            foreach (var spec in parse.GetValue(runs) ?? [])
            {
                var parts = spec.Split('=', 2);
                if (parts.Length != 2 || parts[0].Length == 0) throw new WorkbenchException($"--run: expected NAME=RUN_DIR, got '{spec}'");
                var model = TrainedRun.Open(parts[1]).LoadModel(parse.GetValue(which)!, ctx.Device).Model;
                models.Add(model);
                methods.Add(new NowcastMethod(parts[0], x => model.forward(x.to(ctx.Device)).cpu()));
            }
            try
            {
                var result = NowcastEvaluation.Evaluate(source, test, methods, parse.GetValue(batch), ctx.Progress);
                if (models.Count > 0) result["checkpoint"] = parse.GetValue(which);
                var prefix = parse.GetValue(output)!;
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(prefix))!);
                AtomicFile.WriteAllText(prefix + ".json", result.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
                var markdown = NowcastEvaluation.Markdown(result);
                AtomicFile.WriteAllText(prefix + ".md", markdown);
                ctx.Output.WriteLine(markdown);
                return 0;
            }
            finally
            {
                foreach (var model in models) model.Dispose();
            }
        });
        return command;
    }
}
