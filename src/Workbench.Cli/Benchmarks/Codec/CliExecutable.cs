using System.Reflection;

namespace Workbench.Cli.Benchmarks.Codec;

/// <summary>The command words that start this workbench CLI as a child process, the way a user starts it.</summary>
public static class CliExecutable
{
    public static IReadOnlyList<string> Command()
    {
        var cli = typeof(CliExecutable).Assembly;
        if (Assembly.GetEntryAssembly() == cli && Environment.ProcessPath is { } process)
            return Path.GetFileNameWithoutExtension(process) == "dotnet" ? [process, cli.Location] : [process];
        // Hosted by another program (a test runner): the app host built beside the CLI's assembly, else the dotnet host.
        var appHost = Path.Combine(Path.GetDirectoryName(cli.Location)!, Path.GetFileNameWithoutExtension(cli.Location) + (OperatingSystem.IsWindows() ? ".exe" : ""));
        if (File.Exists(appHost)) return [appHost];
        return [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", cli.Location];
    }
}
