using System.CommandLine;
using System.Text.Json;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Data.Generators;
using Workbench.Data.Hdf5;

namespace Workbench.Cli.Commands;

/// <summary><c>workbench datasets generate|inspect|merge</c>.</summary>
public static class DatasetsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("datasets", "Generate and inspect HDF5 datasets (/inputs, /targets, provenance attributes).");
        command.Add(Inspect(context));
        command.Add(Generate(context));
        command.Add(FlowDatasetCommands.Merge(context));
        return command;
    }

    private static Command Inspect(Func<ParseResult, CliContext> context)
    {
        var file = new Argument<string>("file") { Description = "HDF5 file to describe." };
        var command = new Command("inspect", "Shapes, dtypes, chunking, compression, attributes and value ranges of every dataset.") { file };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            ctx.Output.WriteLine(DatasetInspector.Inspect(parse.GetValue(file)!).Render());
            return 0;
        });
        return command;
    }

    private static Command Generate(Func<ParseResult, CliContext> context)
    {
        var command = new Command("generate", "Generate a dataset into an HDF5 file (written to a temporary file, then renamed).");
        command.Add(HeatSmoothing(context));
        command.Add(FlowDatasetCommands.NavierStokes(context));
        command.Add(FlowDatasetCommands.McWilliams(context));
        command.Add(RadarDatasetCommand.Create(context));
        return command;
    }

    private static Command HeatSmoothing(Func<ParseResult, CliContext> context)
    {
        var samples = new Option<int>("--samples") { Description = "Number of samples.", DefaultValueFactory = _ => 256 };
        var resolution = new Option<int>("--resolution") { Description = "Grid points on [0, 1).", DefaultValueFactory = _ => 64 };
        var output = new DatasetOutput();
        var command = new Command(HeatSmoothing1dName, "Random periodic fields and their exact heat-equation smoothing (the tiny built-in task).")
        {
            samples, resolution, output.Path, output.Force,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var options = new HeatSmoothing1dOptions(parse.GetValue(samples), parse.GetValue(resolution));
            if (options.Samples < 1) throw new WorkbenchException($"--samples: expected a positive count, got {options.Samples}");
            if (options.Resolution < 4) throw new WorkbenchException($"--resolution: expected at least 4, got {options.Resolution}");
            var path = output.Checked(parse);
            var writerOptions = new DatasetWriterOptions
            {
                SampleCount = options.Samples,
                InputShape = [1, options.Resolution],
                TargetShape = [1, options.Resolution],
                Provenance = DatasetProvenance.Create(HeatSmoothing1dName, JsonSerializer.Serialize(options, SnakeCase), ctx.Seed),
            };
            using var writer = Hdf5DatasetWriter.Create(path, writerOptions);
            for (var j = 0; j < options.Samples; j++)
            {
                var (input, target) = HeatSmoothing1d.Sample(options, ctx.Seed, j);
                writer.WriteSample(input.Select(v => (float)v).ToArray(), target.Select(v => (float)v).ToArray());
                ctx.Progress.Report("generate", j + 1, options.Samples);
            }
            writer.Complete();
            ctx.Output.WriteLine($"wrote {options.Samples} samples to {Path.GetFullPath(path)}");
            return 0;
        });
        return command;
    }

    private const string HeatSmoothing1dName = "heat-smoothing-1d";
    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
