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
        for (var j = 0; j < count; j++)
        {
            var (inputs, targets) = RadarGenerator.Sample(options, seed, j);
            writer.WriteSample(inputs, targets);
            progress?.Invoke(j + 1);
        }
        writer.Complete();
    }
}
