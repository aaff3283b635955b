using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using Workbench.Training.Runs;

namespace Workbench.Cli.Commands;

/// <summary><c>workbench results RUN_DIR... --out F.md [--json F] [--checkpoint last|best]</c>: the results table of finished, evaluated runs.</summary>
public static class ResultsCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var folders = new Argument<string[]>("runs")
        {
            Description = "Run folders, or folders holding run folders (searched for summary.json).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out") { Description = "Markdown table to write.", Required = true };
        var json = new Option<string?>("--json") { Description = "Also write the table as JSON." };
        var title = new Option<string>("--title") { Description = "Heading of the table.", DefaultValueFactory = _ => "Results" };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Whose evaluation to tabulate: last or best.", DefaultValueFactory = _ => "last" };
        checkpoint.AcceptOnlyFromAmong("last", "best");
        var command = new Command("results", "Aggregate evaluated run folders into a results table (mean +- std over seeds).")
        {
            folders, output, json, title, checkpoint,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var given = parse.GetValue(folders)!;
            var which = parse.GetValue(checkpoint)!;
            var runs = given.SelectMany(RunFoldersUnder).Select(folder => RunResult.Read(folder, which)).ToList();
            var table = new ResultsTable(runs, which);
            var invocation = "workbench results " + string.Join(" ", given) + $" --out {parse.GetValue(output)}" +
                             (which == "last" ? "" : " --checkpoint best") + (parse.GetValue(json) is { } j ? $" --json {j}" : "");
            AtomicFile.WriteAllText(parse.GetValue(output)!, table.ToMarkdown(parse.GetValue(title)!, invocation));
            if (parse.GetValue(json) is { } jsonPath)
                AtomicFile.WriteAllText(jsonPath, table.ToJson().ToJsonString(RunFolder.Json) + "\n");
            ctx.Output.WriteLine($"{runs.Count} runs in {table.Rows.Count} experiments -> {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }

    private static IEnumerable<string> RunFoldersUnder(string path)
    {
        if (!Directory.Exists(path)) throw new WorkbenchException($"{path}: no such folder");
        if (File.Exists(Path.Combine(path, "summary.json"))) return [path];
        var found = Directory.EnumerateFiles(path, "summary.json", SearchOption.AllDirectories)
            .Select(f => Path.GetDirectoryName(f)!)
            .Order(StringComparer.Ordinal)
            .ToList();
        return found.Count > 0 ? found : throw new WorkbenchException($"{path}: no run folders (summary.json) inside");
    }
}
