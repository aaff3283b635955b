using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Data.Generators.Radar;

namespace Workbench.Cli.Commands;

/// <summary><c>datasets generate radar</c>: synthetic VIL sequences, inputs [N, 6, H, W] and targets [N, 6, H, W].</summary>
public static class RadarDatasetCommand
{
    public const string Name = RadarDatasets.GeneratorName;

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var samples = new Option<int>("--samples") { Description = "Number of sequences.", DefaultValueFactory = _ => 256 };
        var resolution = new Option<int>("--resolution") { Description = "Frame size: 128 (the task) or 64 (the quick variant).", DefaultValueFactory = _ => 128 };
        resolution.AcceptOnlyFromAmong("64", "128");
        var noGrowth = new Option<bool>("--no-growth") { Description = "Freeze births, life cycles and the background from the first input frame (pure transport)." };
        var output = new Option<string>("--out") { Description = "Output HDF5 file.", Required = true };
        var command = new Command(Name, "Synthetic radar VIL (uint8 scale, stored as float32): log-normal background, convective cells, advection; 6 -> 6 frames.")
        {
            samples, resolution, noGrowth, output,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.ConfigureRuntime();
            var options = new RadarOptions { Resolution = parse.GetValue(resolution), Growth = !parse.GetValue(noGrowth) };
            options.Validate();
            var count = parse.GetValue(samples);
            if (count < 1) throw new Workbench.Core.Errors.WorkbenchException($"--samples: expected a positive count, got {count}");
            var path = parse.GetValue(output)!;
            RadarDatasets.Write(path, options, ctx.Seed, count, done => ctx.Progress.Report("generate", done, count));
            ctx.Output.WriteLine($"wrote {count} samples to {Path.GetFullPath(path)}");
            return 0;
        });
        return command;
    }
}
