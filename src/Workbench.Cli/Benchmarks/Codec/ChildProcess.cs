using System.Diagnostics;
using Workbench.Core.Errors;

namespace Workbench.Cli.Benchmarks.Codec;

/// <summary>Runs a command to completion with its output captured; a non-zero exit is an error naming the command.</summary>
public static class ChildProcess
{
    public static void Run(IReadOnlyList<string> command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in command.Skip(1)) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command[0]} did not start");
        // Both pipes are drained while the child runs, so a chatty child never blocks on a full one.
        _ = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            var reason = error.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
            throw new WorkbenchException($"bench codec: {Path.GetFileName(command[0])} {string.Join(' ', command.Skip(1))} exited with {process.ExitCode}: {reason}");
        }
    }
}
