using System.Diagnostics;
using Workbench.Sparse.Hadamard;

namespace Workbench.Sparse.Benchmarks;

/// <summary>One timing of the dense transform: the median over repetitions, per element.</summary>
public sealed record WhtTiming(int Log2Size, string Precision, int Threads, double NsPerElement, int Repetitions);

/// <summary>Times <see cref="FastWalshHadamard"/> in natural order, unnormalised.</summary>
public static class WalshHadamardBenchmark
{
    /// <summary>
    /// ns/element at each log2 size for float32 and float64, on one thread and on <paramref name="allThreads"/>
    /// threads (Environment.ProcessorCount when null). Each repetition transforms the previous output in place:
    /// values grow by sqrt(N) per pass and may reach inf/NaN, which costs the same as finite values in AVX.
    /// </summary>
    public static IReadOnlyList<WhtTiming> Measure(IEnumerable<int> log2Sizes, int? allThreads = null,
        double secondsPerCase = 0.3, bool includeDouble = true)
    {
        int threads = allThreads ?? Environment.ProcessorCount;
        var results = new List<WhtTiming>();
        foreach (int log2n in log2Sizes)
        {
            if (log2n < 0 || log2n > 30)
                throw new ArgumentException($"log2 size must be in 0..30, got {log2n}.", nameof(log2Sizes));
            var f = Filled<float>(log2n);
            foreach (int t in threads == 1 ? new[] { 1 } : new[] { 1, threads })
                results.Add(Time(log2n, "float32", t, secondsPerCase, () => FastWalshHadamard.Transform(f, threads: t)));
            if (!includeDouble) continue;
            var d = Filled<double>(log2n);
            foreach (int t in threads == 1 ? new[] { 1 } : new[] { 1, threads })
                results.Add(Time(log2n, "float64", t, secondsPerCase, () => FastWalshHadamard.Transform(d, threads: t)));
        }
        return results;
    }

    private static T[] Filled<T>(int log2n) where T : struct, System.Numerics.IFloatingPointIeee754<T>
    {
        var a = new T[1 << log2n];
        var rng = new Randomness.Xoshiro256StarStar(0x5EED);
        for (int i = 0; i < a.Length; i++) a[i] = T.CreateChecked(rng.NextDouble() - 0.5);
        return a;
    }

    private static WhtTiming Time(int log2n, string precision, int threads, double seconds, Action transform)
    {
        long n = 1L << log2n;
        int batch = (int)Math.Max(1, (1L << 20) / n);
        transform();
        var samples = new List<double>();
        var total = Stopwatch.StartNew();
        while (samples.Count < 5 || (total.Elapsed.TotalSeconds < seconds && samples.Count < 1000))
        {
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < batch; i++) transform();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalNanoseconds / ((double)batch * n));
        }
        samples.Sort();
        return new WhtTiming(log2n, precision, threads, samples[samples.Count / 2], samples.Count * batch);
    }
}
