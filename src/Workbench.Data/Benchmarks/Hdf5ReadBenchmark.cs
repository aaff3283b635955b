using System.Diagnostics;
using Workbench.Data.Hdf5;

namespace Workbench.Data.Benchmarks;

/// <summary>Throughput of reading one dataset front to back in batches of whole samples.</summary>
/// <param name="LohThresholdBytes">
/// The process's large-object-heap threshold. PureHDF allocates every decoded chunk anew; chunks above the threshold
/// (85 000 bytes by default) go to the large object heap, whose churn costs several times the read itself. Hosts
/// that read big chunks should raise System.GC.LOHThreshold (e.g. 32 MiB) in their runtimeconfig.
/// </param>
public sealed record ReadBenchmarkResult(
    string FilePath, string DatasetPath, int BatchSize, long SampleCount, long BytesPerPass, int Passes,
    double BestSeconds, double MegabytesPerSecond, bool CopiesWholeChunks, long LohThresholdBytes);

public static class Hdf5ReadBenchmark
{
    /// <summary>Reads the dataset <paramref name="passes"/> times and reports the fastest pass (MB = 10^6 bytes of float32 output).</summary>
    public static ReadBenchmarkResult Run(string path, string datasetPath = DatasetLayout.Inputs, int batchSize = 32, int passes = 3, long chunkCacheBytes = 64L << 20)
    {
        if (batchSize <= 0 || passes <= 0)
            throw new ArgumentException($"batchSize and passes must be positive, got {batchSize} and {passes}.");
        using var file = Hdf5DatasetFile.Open(path, new DatasetReaderOptions { InputsPath = datasetPath, TargetsPath = null, ChunkCacheBytes = chunkCacheBytes });
        var array = file.Inputs;
        var buffer = new float[checked(Math.Min(batchSize, array.SampleCount) * array.SampleSize)];
        var best = double.PositiveInfinity;
        for (var pass = 0; pass < passes; pass++)
        {
            var clock = Stopwatch.StartNew();
            for (long start = 0; start < array.SampleCount; start += batchSize)
            {
                var count = Math.Min(batchSize, array.SampleCount - start);
                array.ReadRange(start, count, buffer.AsSpan(0, (int)(count * array.SampleSize)));
            }
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        var bytes = array.SampleCount * array.SampleSize * sizeof(float);
        return new ReadBenchmarkResult(file.FilePath, datasetPath, batchSize, array.SampleCount, bytes, passes, best,
            bytes / 1e6 / best, array.CopiesWholeChunks, LohThreshold());
    }

    private static long LohThreshold() =>
        GC.GetConfigurationVariables().TryGetValue("LOHThreshold", out var value) ? Convert.ToInt64(value) : 85_000;
}
