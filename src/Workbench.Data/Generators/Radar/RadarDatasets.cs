using System.Text.Json;
using Workbench.Data.Hdf5;

namespace Workbench.Data.Generators.Radar;

/// <summary>Radar sequences 0..count-1 of one seed written to our HDF5 layout (/inputs, /targets as float32 VIL pixels).</summary>
public static class RadarDatasets
{
    public const string GeneratorName = "radar";

    private static readonly JsonSerializerOptions SnakeCase = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void Write(string path, RadarOptions options, long seed, int count, Action<int>? progress = null)
    {
        options.Validate();
        var writerOptions = new DatasetWriterOptions
        {
            SampleCount = count,
            InputShape = [options.InputFrames, options.Resolution, options.Resolution],
            TargetShape = [options.TargetFrames, options.Resolution, options.Resolution],
            Deflate = DeflateLevel.Fastest,
            Provenance = DatasetProvenance.Create(GeneratorName, JsonSerializer.Serialize(options, SnakeCase), seed),
        };
        using var writer = Hdf5DatasetWriter.Create(path, writerOptions);
        // Each sequence draws from its own generators, so a block of them is made side by side and written in order:
        // the file is the same for any core count.
        var block = Math.Max(1, Environment.ProcessorCount);
        for (var first = 0; first < count; first += block)
        {
            var samples = new (float[] Inputs, float[] Targets)[Math.Min(block, count - first)];
            Parallel.For(0, samples.Length, k => samples[k] = RadarGenerator.Sample(options, seed, first + k));
            foreach (var (inputs, targets) in samples) writer.WriteSample(inputs, targets);
            progress?.Invoke(first + samples.Length);
        }
        writer.Complete();
    }
}
