using System.CommandLine;
using Workbench.Core.IO;

namespace Workbench.Cli.Hosting;

/// <summary>The --out and --force options of a dataset generator; <see cref="Checked"/> runs before any sample is made.</summary>
public sealed class DatasetOutput
{
    public Option<string> Path { get; } = new("--out") { Description = "Output HDF5 file.", Required = true };

    public Option<bool> Force { get; } = new("--force") { Description = "Replace the output file if it exists." };

    public string Checked(ParseResult parse)
    {
        var path = parse.GetValue(Path)!;
        OutputFile.CheckWritable(path, parse.GetValue(Force));
        return path;
    }
}
