using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Core.Runtime;
using Workbench.Data.Hdf5;

namespace Workbench.Data.Generators.Radar;

/// <summary>
/// Radar sequences of one seed written to our HDF5 layout (/inputs, /targets as float32 VIL pixels): all of 0..total-1,
/// or one block of them (a shard; <see cref="ShardMerger"/> joins the shards into the file the whole run writes).
/// </summary>
public static class RadarDatasets
{
    public const string GeneratorName = "radar";

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(string path, RadarOptions options, long seed, int total, Action<int>? progress = null) =>
        Write(path, options, seed, total, SampleBlock.All(total), progress);

    public static void Write(string path, RadarOptions options, long seed, int total, SampleBlock block, Action<int>? progress = null)
    {
        options.Validate();
        var parameters = JsonSerializer.SerializeToNode(options, SnakeCase)!.AsObject();
        parameters["samples_total"] = total;
        parameters["shard_first_sample"] = block.Start;
        parameters["shard_samples"] = block.Count;
        var writerOptions = new DatasetWriterOptions
        {
            SampleCount = block.Count,
            InputShape = [options.InputFrames, options.Resolution, options.Resolution],
            TargetShape = [options.TargetFrames, options.Resolution, options.Resolution],
            Deflate = DeflateLevel.Fastest,
            Provenance = DatasetProvenance.Create(GeneratorName, parameters.ToJsonString(), seed),
        };
        // Listening before the temporary file exists: a signal that finds the file must find the handler too.
        using var stopListener = StopRequest.Listen();
        using var writer = Hdf5DatasetWriter.Create(path, writerOptions);
        var done = 0;
        foreach (var index in block.Indices())
        {
            var (inputs, targets) = RadarGenerator.Sample(options, seed, index);
            writer.WriteSample(inputs, targets);
            progress?.Invoke(++done);
            if (done < block.Count) StopRequest.ThrowIfRequested(() => $"{done} of {block.Count} samples generated, {Path.GetFullPath(path)} not written");
        }
        writer.Complete();
    }
}
