using System.Collections.Concurrent;
using System.Diagnostics;

namespace Workbench.Tests.Shared;

/// <summary>Debian's python3, which oracle and peer tests run; whether it can import a module is asked once per module.</summary>
public static class DebianPython
{
    public const string Path = "/usr/bin/python3";

    private static readonly ConcurrentDictionary<string, bool> Importable = new();

    public static bool CanImport(string module) => Importable.GetOrAdd(module, name =>
    {
        if (!File.Exists(Path)) return false;
        using var process = Process.Start(new ProcessStartInfo(Path, ["-c", $"import {name}"]) { RedirectStandardError = true });
        process!.WaitForExit();
        return process.ExitCode == 0;
    });
}
