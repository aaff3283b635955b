using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Core.Progress;
using Workbench.Data.Hdf5;

namespace Workbench.Data.Generators;

/// <summary>
/// Joins shard files of one generated dataset (same generator, parameters and seed; together covering samples
/// 0..N-1 without gaps or overlaps) into one file, streaming sample blocks. The merged file keeps the first shard's
/// compression (deflate at PureHDF's nearest level, or none).
/// </summary>
public static class ShardMerger
{
    public static long Merge(IReadOnlyList<string> shards, string output, IProgressSink progress)
    {
        if (shards.Count == 0) throw new WorkbenchException("datasets merge: expected at least one shard file");
        var files = shards.Select(s => Hdf5DatasetFile.Open(s)).ToList();
        try
        {
            var described = files.Select(Describe).OrderBy(d => d.First).ToList();
            var reference = described[0];
            long expected = 0;
            foreach (var shard in described)
            {
                if (shard.Key != reference.Key)
                    throw new WorkbenchException($"{shard.File.FilePath}: generator, parameters or seed differ from {reference.File.FilePath}");
                if (shard.First != expected)
                    throw new WorkbenchException($"{shard.File.FilePath}: starts at sample {shard.First}, expected {expected} (missing or overlapping shard)");
                expected += shard.File.SampleCount;
            }
            if (expected != reference.Total)
                throw new WorkbenchException($"datasets merge: shards hold {expected} of {reference.Total} samples");

            var parameters = JsonNode.Parse(reference.File.Provenance!.ParametersJson)!.AsObject();
            parameters["shard_first_sample"] = 0;
            parameters["shard_samples"] = expected;
            var first = reference.File;
            using var writer = Hdf5DatasetWriter.Create(output, new DatasetWriterOptions
            {
                SampleCount = expected,
                InputShape = first.Inputs.SampleShape.Select(d => (int)d).ToArray(),
                TargetShape = first.Targets!.SampleShape.Select(d => (int)d).ToArray(),
                Time = ReadTime(first.FilePath),
                Deflate = DeflateOf(first.Inputs.Filters),
                Provenance = DatasetProvenance.Create(first.Provenance!.Generator, parameters.ToJsonString(), first.Provenance.Seed),
            });
            long done = 0;
            foreach (var shard in described)
                for (long start = 0; start < shard.File.SampleCount; start += 16)
                {
                    var count = (int)Math.Min(16, shard.File.SampleCount - start);
                    var batch = shard.File.ReadRange(start, count);
                    writer.WriteSamples(count, batch.Inputs, batch.Targets!);
                    progress.Report("merge", done += count, expected);
                }
            writer.Complete();
            return expected;
        }
        finally
        {
            foreach (var file in files) file.Dispose();
        }
    }

    private static DeflateLevel DeflateOf(IReadOnlyList<Hdf5Filter>? filters) =>
        filters?.Select(filter => filter.DeflateLevel).FirstOrDefault(level => level is not null) switch
        {
            null => DeflateLevel.None,
            (int)DeflateLevel.Smallest => DeflateLevel.Smallest,
            _ => DeflateLevel.Fastest,
        };

    private static float[]? ReadTime(string path)
    {
        try
        {
            using var file = Hdf5DatasetFile.Open(path, new DatasetReaderOptions { InputsPath = DatasetLayout.Time, TargetsPath = null });
            return file.ReadRange(0, (int)file.SampleCount).Inputs;
        }
        catch (DataFileException)
        {
            return null;
        }
    }

    private sealed record Shard(Hdf5DatasetFile File, string Key, long First, long Total);

    private static Shard Describe(Hdf5DatasetFile file)
    {
        var provenance = file.Provenance ?? throw new DataFileException($"{file.FilePath}: no provenance attributes (not a generated shard)");
        var parameters = JsonNode.Parse(provenance.ParametersJson)?.AsObject()
                         ?? throw new DataFileException($"{file.FilePath}: parameters attribute is not a JSON object");
        if (parameters["shard_first_sample"] is null || parameters["samples_total"] is null)
            throw new DataFileException($"{file.FilePath}: not a generated shard (no shard_first_sample / samples_total)");
        var first = (long)parameters["shard_first_sample"]!;
        var total = (long)parameters["samples_total"]!;
        parameters.Remove("shard_first_sample");
        parameters.Remove("shard_samples");
        return new Shard(file, $"{provenance.Generator}|{provenance.Seed}|{parameters.ToJsonString()}", first, total);
    }
}
