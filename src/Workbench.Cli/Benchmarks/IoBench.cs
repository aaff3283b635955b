using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Core.Benchmarks;
using Workbench.Core.IO;
using Workbench.Data.Benchmarks;
using Workbench.Data.Hdf5;

namespace Workbench.Cli.Benchmarks;

/// <summary>
/// HDF5 read throughput, batch by batch, against h5py reading the same file the same way
/// (experiments/bench/io_h5py.py). Without --file, a chunked float32 file of --megabytes is written first.
/// </summary>
public static class IoBench
{
    private static readonly Option<string?> File = new("--file") { Description = "Existing HDF5 file to read (default: write a temporary one)." };
    private static readonly Option<string> Dataset = new("--dataset") { Description = "Dataset path to read.", DefaultValueFactory = _ => DatasetLayout.Inputs };
    private static readonly Option<int> Megabytes = new("--megabytes") { Description = "Size of /inputs in the temporary file.", DefaultValueFactory = _ => 256 };
    private static readonly Option<int> Batch = new("--batch") { Description = "Samples per read.", DefaultValueFactory = _ => 32 };

    public static BenchSuite Suite { get; } = new("io", "HDF5 batch read throughput (MB/s) vs h5py on the same file.",
        [File, Dataset, Megabytes, Batch], Run);

    private static BenchReport Run(ParseResult parse, CliContext ctx)
    {
        var path = parse.GetValue(File);
        var temporary = path is null ? WriteTemporaryFile(parse.GetValue(Megabytes), ctx) : null;
        try
        {
            var file = path ?? temporary!;
            var dataset = parse.GetValue(Dataset)!;
            var batch = parse.GetValue(Batch);
            var ours = Hdf5ReadBenchmark.Run(file, dataset, batch);
            var peer = RepositoryPaths.Find("experiments/bench/io_h5py.py") is { } script
                ? PythonPeer.Run(script, [file, "--dataset", dataset, "--batch", batch.ToString()], ctx.Error)
                : null;
            var parameters = new Dictionary<string, object>
            {
                ["file_mb"] = Math.Round(ours.BytesPerPass / 1e6, 1), ["batch"] = batch, ["samples"] = ours.SampleCount,
                ["whole_chunk_copies"] = ours.CopiesWholeChunks, ["loh_threshold"] = ours.LohThresholdBytes,
            };
            var result = new BenchResult("hdf5_read", parameters, ours.MegabytesPerSecond, "MB/s",
                peer is null ? null : "h5py", peer?["mb_per_s"]?.GetValue<double>());
            return new BenchReport("io", "cpu", Workbench.Core.Runtime.Threads.Current, [result]);
        }
        finally
        {
            if (temporary is not null) AtomicFile.TryDelete(temporary);
        }
    }

    private static string WriteTemporaryFile(int megabytes, CliContext ctx)
    {
        const int sampleFloats = 64 * 64 * 10;
        var samples = Math.Max(1, (int)(megabytes * 1e6 / (sampleFloats * sizeof(float))));
        var path = Path.Combine(Path.GetTempPath(), $"workbench-io-bench-{Environment.ProcessId}.h5");
        var options = new DatasetWriterOptions { SampleCount = samples, InputShape = [64, 64, 10], TargetShape = [1] };
        var random = Workbench.Core.Runtime.Determinism.ManagedRandom(ctx.Seed, "io-bench");
        var input = new float[sampleFloats];
        using (var writer = Hdf5DatasetWriter.Create(path, options))
        {
            for (var j = 0; j < samples; j++)
            {
                for (var i = 0; i < input.Length; i++) input[i] = (float)random.NextDouble();
                writer.WriteSample(input, [j]);
            }
            writer.Complete();
        }
        return path;
    }
}
