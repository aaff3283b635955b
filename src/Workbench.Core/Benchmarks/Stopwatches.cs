using System.Diagnostics;

namespace Workbench.Core.Benchmarks;

/// <summary>Timing helpers: warm up, then take the median of repeated runs (robust to a noisy shared machine).</summary>
public static class Stopwatches
{
    public static double MedianSeconds(Action action, int repeats = 5, int warmup = 1)
    {
        for (var i = 0; i < warmup; i++) action();
        var times = new double[repeats];
        for (var i = 0; i < repeats; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalSeconds;
        }
        Array.Sort(times);
        return times[repeats / 2];
    }
}
