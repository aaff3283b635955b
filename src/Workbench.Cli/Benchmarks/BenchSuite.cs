using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Core.Benchmarks;

namespace Workbench.Cli.Benchmarks;

/// <summary>A named bench suite with its own options.</summary>
public sealed record BenchSuite(string Name, string Description, IReadOnlyList<Option> Options, Func<ParseResult, CliContext, BenchReport> Run);

public static class BenchSuites
{
    public static IReadOnlyList<BenchSuite> All { get; } = [IoBench.Suite, TransformsBench.Suite, NavierStokesBench.Suite, OperatorsBench.Suite, ConvolutionsBench.Suite, CodecBench.Suite];
}
