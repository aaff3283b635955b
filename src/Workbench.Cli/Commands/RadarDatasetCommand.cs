using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Data.Generators;
using Workbench.Data.Generators.Radar;

namespace Workbench.Cli.Commands;

/// <summary><c>datasets generate radar</c>: synthetic VIL sequences, inputs [N, 6, H, W] and targets [N, 6, H, W].</summary>
public static class RadarDatasetCommand
{
    public const string Name = RadarDatasets.GeneratorName;

    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var samples = new Option<int>("--samples") { Description = "Number of sequences (all shards).", DefaultValueFactory = _ => 256 };
        var resolution = new Option<int>("--resolution") { Description = "Frame size: 128 (the task) or 64 (the quick variant).", DefaultValueFactory = _ => 128 };
        resolution.AcceptOnlyFromAmong("64", "128");
        var noGrowth = new Option<bool>("--no-growth") { Description = "Freeze births, life cycles and the background from the first input frame (pure transport)." };
        var shard = new Option<string>("--shard") { Description = "i/n: generate only shard i of n (contiguous sequence blocks; join with datasets merge).", DefaultValueFactory = _ => "0/1" };
        var output = new DatasetOutput();
        var command = new Command(Name, "Synthetic radar VIL (uint8 scale, stored as float32): log-normal background, convective cells, advection; 6 -> 6 frames.")
        {
            samples, resolution, noGrowth, shard, output.Path, output.Force,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var path = output.Checked(parse);
            ctx.ConfigureRuntime();
            var options = new RadarOptions { Resolution = parse.GetValue(resolution), Growth = !parse.GetValue(noGrowth) };
            options.Validate();
            var total = parse.GetValue(samples);
            var block = SampleBlock.Shard(total, parse.GetValue(shard)!);
            RadarDatasets.Write(path, options, ctx.Seed, total, block, done => ctx.Progress.Report("generate", done, block.Count));
            ctx.Output.WriteLine($"wrote samples {block.Start}..{block.End - 1} of {total} to {Path.GetFullPath(path)}");
            return 0;
        });
        return command;
    }
}
