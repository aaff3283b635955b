using Workbench.Core.Errors;
using Workbench.Data.Hdf5;

namespace Workbench.Tests.Data;

/// <summary>
/// The streaming writer leaves nothing behind unless it completes, and writes in bounded memory (measured as
/// process-wide retained memory, hence the non-parallel collection).
/// </summary>
[Collection(Workbench.Tests.Training.TrainingRunCollection.Name)]
public class StreamingWriterTests
{
    private static DatasetWriterOptions Options(long sampleCount, int[] inputShape) => new()
    {
        SampleCount = sampleCount,
        InputShape = inputShape,
        TargetShape = [1],
    };

    [Fact]
    public void ExceptionDuringGenerationLeavesNoFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("failed.h5");
        void GenerateAndFail()
        {
            using var writer = Hdf5DatasetWriter.Create(path, Options(4, [8]));
            writer.WriteSample(new float[8], [1f]);
            throw new InvalidOperationException("generator failed");
        }
        Assert.Throws<InvalidOperationException>(GenerateAndFail);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void CompletingWithTooFewSamplesFailsAndLeavesNoFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("short.h5");
        var error = Assert.Throws<DataFileException>(() =>
        {
            using var writer = Hdf5DatasetWriter.Create(path, Options(4, [8]));
            writer.WriteSample(new float[8], [1f]);
            writer.Complete();
        });
        Assert.Contains("only 1 of 4 samples", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void FailedRewriteKeepsThePreviousFile()
    {
        using var folder = new TempFolder();
        var path = folder.File("kept.h5");
        using (var writer = Hdf5DatasetWriter.Create(path, Options(1, [2])))
        {
            writer.WriteSample([3f, 4f], [5f]);
            writer.Complete();
        }
        var before = File.ReadAllBytes(path);
        using (var writer = Hdf5DatasetWriter.Create(path, Options(2, [2])))
            writer.WriteSample([7f, 8f], [9f]);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFileSystemEntries(folder.Path));
        using var file = Hdf5DatasetFile.Open(path);
        Assert.Equal([3f, 4f], file.ReadRange(0, 1).Inputs);
    }

    [Fact]
    public void WrongSampleLengthAndTooManySamplesAreRejected()
    {
        using var folder = new TempFolder();
        using var writer = Hdf5DatasetWriter.Create(folder.File("x.h5"), Options(1, [4]));
        Assert.Throws<ArgumentException>(() => writer.WriteSample(new float[3], [0f]));
        writer.WriteSample(new float[4], [0f]);
        Assert.Throws<ArgumentException>(() => writer.WriteSample(new float[4], [0f]));
    }

    [Fact]
    public void MemoryStaysBoundedWhileWritingManyChunks()
    {
        // 400 samples of 256 KiB = 100 MiB written; PureHDF's default writing cache would hold all of it until the end
        using var folder = new TempFolder();
        var sample = new float[64 * 1024];
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;
        using (var writer = Hdf5DatasetWriter.Create(folder.File("big.h5"), Options(400, [64, 1024])))
        {
            for (var n = 0; n < 400; n++)
            {
                sample[0] = n;
                writer.WriteSample(sample, [n]);
                if (n % 50 == 49)
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
            writer.Complete();
        }
        Assert.True(peak < 16L << 20, $"retained {peak >> 20} MiB while writing");
        using var file = Hdf5DatasetFile.Open(folder.File("big.h5"));
        Assert.Equal(399f, file.ReadRange(399, 1).Inputs[0]);
        Assert.Equal(0f, file.ReadRange(399, 1).Inputs[1]);
    }
}
