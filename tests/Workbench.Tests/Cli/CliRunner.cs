using Workbench.Cli.Hosting;

namespace Workbench.Tests.Cli;

/// <summary>Runs the workbench command in process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error)
    {
        public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = WorkbenchApp.Run(args, output, error);
        return new Result(code, output.ToString(), error.ToString());
    }
}
