using System.Diagnostics;
using Workbench.Core.Runtime;

namespace Workbench.Cli.Hosting;

/// <summary>
/// Runs the command again in a child process that starts with <see cref="UnoptimizedJit"/> chosen (the runtime only
/// reads it at start-up), passing the arguments and the standard streams through and returning its exit code.
/// </summary>
public static class UnoptimizedRelaunch
{
    public static int Run(string[] args)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("cannot find this process's executable");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // Under `dotnet workbench.dll` the host is the dotnet muxer, which needs the assembly path first.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(Environment.GetCommandLineArgs()[0]);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment[UnoptimizedJit.Variable] = "1";
        using var child = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {host}");
        child.WaitForExit();
        return child.ExitCode;
    }
}
