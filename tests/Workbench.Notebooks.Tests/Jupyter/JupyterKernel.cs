using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Workbench.Notebooks.Tests.Jupyter;

/// <summary>Debian's jupyter-nbconvert with the .NET Interactive kernel ".net-csharp" (dotnet tool Microsoft.dotnet-interactive).</summary>
public static class JupyterKernel
{
    public const string Name = ".net-csharp";

    private const string Install =
        "apt install jupyter-nbconvert; dotnet tool install -g Microsoft.dotnet-interactive --version 1.0.712001; dotnet interactive jupyter install";

    /// <summary>Why the kernel cannot run here, or null where it can.</summary>
    public static string? Missing { get; } = Probe();

    public static (int Code, string Stdout, string Stderr) Run(string workingFolder, IReadOnlyDictionary<string, string> environment, TimeSpan timeout,
        params string[] arguments)
    {
        var start = new ProcessStartInfo("jupyter", arguments)
        {
            WorkingDirectory = workingFolder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        // The kernel's command, "dotnet interactive", needs the global tool on PATH; dotnet puts global tools in ~/.dotnet/tools.
        var tools = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools");
        if (Directory.Exists(tools)) start.Environment["PATH"] = $"{start.Environment["PATH"]}{Path.PathSeparator}{tools}";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, stdout.Result, $"jupyter {string.Join(' ', arguments)} did not finish in {timeout}\n{stderr.Result}");
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string? Probe()
    {
        var none = new Dictionary<string, string>();
        try
        {
            var (code, stdout, _) = Run(Environment.CurrentDirectory, none, TimeSpan.FromMinutes(1), "kernelspec", "list", "--json");
            if (code != 0) return $"jupyter kernelspec failed ({Install})";
            var kernels = JsonNode.Parse(stdout)?["kernelspecs"]?.AsObject();
            if (kernels is null || !kernels.ContainsKey(Name)) return $"the Jupyter kernel {Name} is not installed ({Install})";
            return Run(Environment.CurrentDirectory, none, TimeSpan.FromMinutes(1), "nbconvert", "--version").Code == 0
                ? null
                : $"jupyter nbconvert is not installed ({Install})";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"jupyter is not installed ({Install})";
        }
    }
}

/// <summary>A theory that needs <see cref="JupyterKernel"/>; skipped, naming what to install, where it is missing.</summary>
public sealed class JupyterTheoryAttribute : TheoryAttribute
{
    public JupyterTheoryAttribute()
    {
        if (JupyterKernel.Missing is { } missing) Skip = missing;
    }
}
