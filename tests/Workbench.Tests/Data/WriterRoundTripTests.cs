using System.Diagnostics;
using System.Text.Json;
using Workbench.Data.Hdf5;

namespace Workbench.Tests.Data;

/// <summary>Files written by <see cref="Hdf5DatasetWriter"/>: read back by the workbench and by h5py.</summary>
public class WriterRoundTripTests
{
    private static readonly int[] InputShape = [3, 4, 5];
    private static readonly int[] TargetShape = [2, 3];

    private static void WriteClosedForm(string path, int sampleCount, int samplesPerChunk, DeflateLevel deflate, int block)
    {
        using var writer = Hdf5DatasetWriter.Create(path, new DatasetWriterOptions
        {
            SampleCount = sampleCount,
            InputShape = InputShape,
            TargetShape = TargetShape,
            SamplesPerChunk = samplesPerChunk,
            Deflate = deflate,
            Provenance = new DatasetProvenance("closed-form", "{\"scale\": 2.5}", 1234, "0.1.0-test"),
            Time = [0f, 0.5f, 1f],
            Grid = Enumerable.Range(0, 20).Select(i => i * 0.25f).ToArray(),
            GridShape = [4, 5],
        });
        for (var first = 0; first < sampleCount; first += block)
        {
            var count = Math.Min(block, sampleCount - first);
            writer.WriteSamples(count, ClosedForm.Samples(first, count, 60, 2.5, 0.01), ClosedForm.Samples(first, count, 6, -1.0, 0.125));
        }
        writer.Complete();
    }

    [Theory]
    [InlineData(1, DeflateLevel.None, 1)]
    [InlineData(3, DeflateLevel.Fastest, 2)]
    [InlineData(4, DeflateLevel.Smallest, 5)]
    public void WorkbenchReadsBackWhatItWrote(int samplesPerChunk, DeflateLevel deflate, int block)
    {
        using var folder = new TempFolder();
        var path = folder.File("closed.h5");
        WriteClosedForm(path, 11, samplesPerChunk, deflate, block);

        using var file = Hdf5DatasetFile.Open(path);
        Assert.Equal([11L, 3, 4, 5], file.Inputs.Shape);
        Assert.Equal([(long)samplesPerChunk, 3, 4, 5], file.Inputs.ChunkShape!);
        Assert.True(file.Inputs.CopiesWholeChunks);
        Assert.Equal(deflate == DeflateLevel.None ? [] : [new Hdf5Filter(Hdf5Filter.DeflateIdentifier, [(uint)deflate])], file.Inputs.Filters);
        var all = file.ReadRange(0, 11);
        Assert.Equal(ClosedForm.Samples(0, 11, 60, 2.5, 0.01), all.Inputs);
        Assert.Equal(ClosedForm.Samples(0, 11, 6, -1.0, 0.125), all.Targets);
        Assert.Equal(new DatasetProvenance("closed-form", "{\"scale\": 2.5}", 1234, "0.1.0-test"), file.Provenance);
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [H5pyFact]
    public void H5pyReadsValuesLayoutAndAttributes()
    {
        using var folder = new TempFolder();
        var path = folder.File("for_h5py.h5");
        WriteClosedForm(path, 10, 3, DeflateLevel.Fastest, 4);

        var script = FixturePaths.Of("hdf5", "read_with_h5py.py");
        var start = new ProcessStartInfo(H5pyFactAttribute.Python, [script, path, "inputs:2.5:0.01", "targets:-1.0:0.125"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);

        using var report = JsonDocument.Parse(output);
        var datasets = report.RootElement.GetProperty("datasets");
        var inputs = datasets.GetProperty("inputs");
        Assert.Equal([10, 3, 4, 5], inputs.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("float32", inputs.GetProperty("dtype").GetString());
        Assert.Equal([3, 3, 4, 5], inputs.GetProperty("chunks").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("gzip", inputs.GetProperty("compression").GetString());
        Assert.Equal(0.0, inputs.GetProperty("max_abs_error").GetDouble());
        var targets = datasets.GetProperty("targets");
        Assert.Equal([10, 2, 3], targets.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(0.0, targets.GetProperty("max_abs_error").GetDouble());
        Assert.Equal([0.0, 0.5, 1.0], datasets.GetProperty("time").GetProperty("values").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal([4, 5], datasets.GetProperty("grid").GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(19 * 0.25, datasets.GetProperty("grid").GetProperty("values")[19].GetDouble());

        var attributes = report.RootElement.GetProperty("attributes");
        Assert.Equal("closed-form", attributes.GetProperty("generator").GetString());
        Assert.Equal("{\"scale\": 2.5}", attributes.GetProperty("parameters").GetString());
        Assert.Equal(1234, attributes.GetProperty("seed").GetInt64());
        Assert.Equal("0.1.0-test", attributes.GetProperty("workbench_version").GetString());
    }
}
