using System.CommandLine;
using System.CommandLine.Help;
using Workbench.Cli.Commands;
using Workbench.Core.Errors;
using Workbench.Core.Runtime;

namespace Workbench.Cli.Hosting;

/// <summary>
/// Builds the command tree and applies the error policy: exit 0 on success, 1 with one line for a user error (bad input,
/// or a file system that refuses a write),
/// 2 for a usage error, 3 for an internal failure, 130/143 for a run stopped by SIGINT/SIGTERM; stack traces only with
/// --verbose.
/// </summary>
public static class WorkbenchApp
{
    public const int UserError = 1;
    public const int UsageError = 2;
    public const int InternalError = 3;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot(output, error);
        var parse = root.Parse(args);
        var verbose = args.Contains("--verbose");

        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var problem in parse.Errors) error.WriteLine($"error: {problem.Message}");
            error.WriteLine("Run 'workbench --help' for usage.");
            return UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = output, Error = error });
        }
        catch (Exception e) when (Unwrap(e) is RunStoppedException stopped)
        {
            error.WriteLine($"stopped by {stopped.SignalName}: {stopped.Message}");
            return stopped.ExitCode;
        }
        catch (Exception e) when (Unwrap(e) is WorkbenchException or UnauthorizedAccessException or IOException)
        {
            // A file system that refuses a write (read-only, full, no such folder) is the user's to fix, like bad input.
            var user = Unwrap(e);
            error.WriteLine($"error: {user.Message}");
            if (verbose) error.WriteLine(user);
            return UserError;
        }
        catch (Exception e)
        {
            error.WriteLine($"internal error: {Unwrap(e).Message}{(verbose ? "" : " (run with --verbose for details)")}");
            if (verbose) error.WriteLine(e);
            return InternalError;
        }
    }

    private static Exception Unwrap(Exception e) =>
        e is AggregateException { InnerExceptions.Count: 1 } or System.Reflection.TargetInvocationException && e.InnerException is not null
            ? Unwrap(e.InnerException!)
            : e;

    public static RootCommand BuildRoot(TextWriter output, TextWriter error)
    {
        var options = new GlobalOptions();
        var root = new RootCommand("Workbench: spectral operator learning and signal processing.");
        foreach (var option in options.All) root.Add(option);
        CliContext Context(ParseResult parse) => new(parse, options, output, error);

        root.Add(InfoCommand.Create(Context));
        root.Add(TrainCommand.Create(Context));
        root.Add(EvalCommand.Create(Context));
        root.Add(ExportCommand.Create(Context));
        root.Add(ImportCommand.Create(Context));
        root.Add(ResultsCommand.Create(Context));
        root.Add(RefineCommand.Create(Context));
        root.Add(DatasetsCommand.Create(Context));
        root.Add(BenchCommand.Create(Context));
        root.Add(SprightCommand.Create(Context));
        root.Add(FiguresCommand.Create(Context));
        root.Add(InrCommand.Create(Context));
        root.Add(CodecCommand.Create(Context));
        root.Add(NowcastCommand.Create(Context));
        root.Add(SweepCommand.Create(Context));
        return root;
    }
}
