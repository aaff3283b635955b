using System.CommandLine;
using Workbench.Cli.Benchmarks;
using Workbench.Cli.Hosting;
using Workbench.Core.Benchmarks;

namespace Workbench.Cli.Commands;

/// <summary><c>workbench bench SUITE [--json FILE]</c>: measurements with peers timed in the same run.</summary>
public static class BenchCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var command = new Command("bench", "Benchmarks: each suite measures ours and a peer side by side in one run and reports ratios.");
        foreach (var suite in BenchSuites.All)
        {
            var json = new Option<string?>("--json") { Description = "Also write the results as JSON to this file." };
            var sub = new Command(suite.Name, suite.Description) { json };
            foreach (var option in suite.Options) sub.Add(option);
            sub.SetAction(parse =>
            {
                var ctx = context(parse);
                ctx.ConfigureRuntime();
                BenchReport report = suite.Run(parse, ctx);
                ctx.Output.WriteLine(report.ToTable());
                if (parse.GetValue(json) is { } path) report.Save(path);
                return 0;
            });
            command.Add(sub);
        }
        return command;
    }
}
