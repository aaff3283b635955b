using System.Runtime.InteropServices;

namespace Workbench.Core.Benchmarks;

/// <summary>
/// Peak resident memory an action adds to this process, from Linux's VmHWM (reset through /proc/self/clear_refs
/// first). It counts everything libtorch allocates on the CPU. glibc keeps freed blocks resident for reuse, which
/// would hide a repeated allocation, so free pages are handed back (malloc_trim) before the counter is reset. Null
/// where the kernel offers no such counter.
/// </summary>
public static class PeakMemory
{
    public static long? AddedBytes(Action action)
    {
        if (!OperatingSystem.IsLinux()) return null;
        try
        {
            TrimMallocHeap(0);
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EntryPointNotFoundException)
        {
            return null;
        }
        var before = StatusKilobytes("VmRSS");
        action();
        return (StatusKilobytes("VmHWM") - before) * 1024;
    }

    private static long StatusKilobytes(string field)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0]);
    }

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int TrimMallocHeap(nuint pad);
}
