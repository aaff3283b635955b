using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Workbench.Core.Benchmarks;

/// <summary>
/// Runs a peer benchmark script (numpy/pywt/h5py) with Debian's python3 and reads the JSON object it prints last.
/// Returns null when the interpreter or script is missing, or the script fails: the bench then reports no peer.
/// </summary>
public static class PythonPeer
{
    public const string Interpreter = "/usr/bin/python3";

    public static JsonObject? Run(string script, IEnumerable<string> arguments, TextWriter? log = null, int timeoutSeconds = 600) =>
        RunAll(script, arguments, log, timeoutSeconds).LastOrDefault();

    /// <summary>Every JSON object line the script printed, in order (empty when it could not run).</summary>
    public static IReadOnlyList<JsonObject> RunAll(string script, IEnumerable<string> arguments, TextWriter? log = null, int timeoutSeconds = 600)
    {
        if (!File.Exists(Interpreter) || !File.Exists(script)) return [];
        var start = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            log?.WriteLine($"peer {Path.GetFileName(script)} timed out");
            return [];
        }
        if (process.ExitCode != 0)
        {
            log?.WriteLine($"peer {Path.GetFileName(script)} failed: {stderr.Result.Trim().Split('\n').LastOrDefault()}");
            return [];
        }
        return stdout.Result.Split('\n').Where(l => l.TrimStart().StartsWith('{')).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }
}
