using System.Diagnostics;
using System.Globalization;
using Workbench.Core.Errors;

namespace Workbench.Training.Runs;

/// <summary>
/// run.lock in a run folder: the PID and start time of the process writing to it. A second writer is refused while
/// that process lives; a lock left by a killed process (no such PID, or a PID reused by a later process) is taken over.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = "run.lock";
    private readonly string _path;

    private RunLock(string path) => _path = path;

    public static RunLock Acquire(string runRoot)
    {
        var path = Path.Combine(runRoot, FileName);
        var content = $"{Environment.ProcessId} {StartStamp(Environment.ProcessId)}\n";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.Write(content);
                return new RunLock(path);
            }
            catch (IOException) when (File.Exists(path))
            {
                if (Owner(path) is { } pid) throw new WorkbenchException($"{runRoot}: in use by {(pid > 0 ? $"process {pid}" : "another process")} ({FileName}); stop it or wait for it to finish");
                File.Delete(path);
            }
        }
        throw new WorkbenchException($"{runRoot}: another process keeps taking {FileName}");
    }

    /// <summary>The live process named in the lock file (0: not readable yet), or null when the lock is stale.</summary>
    private static int? Owner(string path)
    {
        string[] fields;
        try
        {
            fields = File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        catch (IOException)
        {
            return 0; // being written right now by the process that takes it
        }
        if (fields.Length != 2 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out var pid) ||
            !long.TryParse(fields[1], CultureInfo.InvariantCulture, out var started)) return null;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && StartStamp(pid) == started ? pid : null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    /// <summary>
    /// The process's start time in clock ticks since boot (field 22 of /proc/PID/stat): exact, unlike
    /// Process.StartTime, which is derived from the uptime at the moment of asking. 0 where /proc is missing.
    /// </summary>
    private static long StartStamp(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat)) return 0;
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[19], CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        try
        {
            File.Delete(_path);
        }
        catch (IOException)
        {
            // A read-only or vanished folder: the next writer sees a stale lock and takes it over.
        }
    }
}
