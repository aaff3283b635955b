using System.Runtime.InteropServices;

namespace Workbench.Core.Runtime;

/// <summary>
/// glibc hands each freed block above its mmap threshold (dynamic, from 128 KiB) back to the kernel and shrinks its heap
/// once 128 KiB lie free at the top, so every large libtorch temporary is page-faulted in anew: a Navier-Stokes step at
/// 256^2 spends three quarters of its time in faults here. Blocks up to 32 MiB (glibc's largest threshold) now come
/// from the heap, and up to 1 GiB of freed heap stays mapped for reuse. Thresholds the user set through glibc's
/// MALLOC_MMAP_THRESHOLD_ / MALLOC_TRIM_THRESHOLD_ are kept.
/// </summary>
public static class MallocThresholds
{
    private const int TrimThresholdParameter = -1;
    private const int MmapThresholdParameter = -3;
    private const int MmapThreshold = 32 << 20;
    private const int TrimThreshold = 1 << 30;

    public static void Apply()
    {
        if (!OperatingSystem.IsLinux()) return;
        try
        {
            if (Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is null) MallocOption(MmapThresholdParameter, MmapThreshold);
            if (Environment.GetEnvironmentVariable("MALLOC_TRIM_THRESHOLD_") is null) MallocOption(TrimThresholdParameter, TrimThreshold);
        }
        catch (EntryPointNotFoundException)
        {
            // Not glibc: its allocator has its own policy.
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallocOption(int parameter, int value);
}
