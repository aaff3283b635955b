using System.Text.Json;
using PureHDF;
using Workbench.Data.Hdf5;

namespace Workbench.Tests.Data;

/// <summary>Reads the h5py-written fixtures (make_hdf5_fixtures.py) and compares with their closed-form values and numpy's sums.</summary>
public class FixtureReadTests
{
    private static string Fixture(string name) => FixturePaths.Of("hdf5", name);

    private static double ExpectedSum(string file, string dataset)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixture("expected.json")));
        return json.RootElement.GetProperty(file).GetProperty(dataset).GetDouble();
    }

    [Fact]
    public void WorkbenchLayoutReadsValuesShapesAndProvenance()
    {
        using var file = Hdf5DatasetFile.Open(Fixture("layout.h5"));
        Assert.Equal(6, file.SampleCount);
        Assert.Equal([6L, 4, 5], file.Inputs.Shape);
        Assert.Equal([6L, 3], file.Targets!.Shape);
        Assert.Equal([1L, 4, 5], file.Inputs.ChunkShape!);
        Assert.True(file.Inputs.CopiesWholeChunks);
        Assert.True(file.Targets.CopiesWholeChunks);

        var all = file.ReadRange(0, 6);
        Assert.Equal(ClosedForm.Samples(0, 6, 20, 1.0, 0.001), all.Inputs);
        Assert.Equal(ClosedForm.Samples(0, 6, 3, -1.0, -0.01), all.Targets);
        Assert.Equal(ExpectedSum("layout.h5", "/inputs"), all.Inputs.Sum(v => (double)v), 9);
        Assert.Equal(ExpectedSum("layout.h5", "/targets"), all.Targets!.Sum(v => (double)v), 9);

        Assert.Equal(new DatasetProvenance("closed-form", "{\"a\": 1}", 7, "fixture"), file.Provenance);
    }

    [Fact]
    public void RangesAcrossChunkBoundariesAndIndexListsMatchClosedForm()
    {
        using var file = Hdf5DatasetFile.Open(Fixture("layout.h5"));
        // targets are chunked two samples per chunk: 1..4 starts and ends inside chunks
        var range = file.ReadRange(1, 4);
        Assert.Equal([4L, 4, 5], range.InputShape);
        Assert.Equal(ClosedForm.Samples(1, 4, 20, 1.0, 0.001), range.Inputs);
        Assert.Equal(ClosedForm.Samples(1, 4, 3, -1.0, -0.01), range.Targets);

        long[] indices = [5, 0, 1, 2, 4];
        var batch = file.ReadBatch(indices);
        var expected = indices.SelectMany(n => ClosedForm.Samples(n, 1, 3, -1.0, -0.01)).ToArray();
        Assert.Equal(expected, batch.Targets);
        Assert.Equal([5L, 3], batch.TargetShape!);
    }

    [Fact]
    public void TensorsHaveBatchShapeAndValues()
    {
        using var file = Hdf5DatasetFile.Open(Fixture("layout.h5"));
        var (inputs, targets) = file.ReadTensors([3, 2]);
        using (inputs)
        using (targets)
        {
            Assert.Equal([2L, 4, 5], inputs.shape);
            Assert.Equal(TorchSharp.torch.ScalarType.Float32, inputs.dtype);
            Assert.Equal([2L, 3], targets!.shape);
            Assert.Equal(ClosedForm.Value(3, 7, 1.0, 0.001), inputs[0, 1, 2].item<float>());
            Assert.Equal(ClosedForm.Value(2, 19, 1.0, 0.001), inputs[1, 3, 4].item<float>());
            Assert.Equal(ClosedForm.Value(2, 1, -1.0, -0.01), targets[1, 1].item<float>());
        }
    }

    [Fact]
    public void PdebenchTensorWithGzipAndShuffleLoadsThroughConfiguredPath()
    {
        using var file = Hdf5DatasetFile.Open(Fixture("pdebench_like.h5"), new DatasetReaderOptions { InputsPath = "tensor", TargetsPath = null });
        Assert.Null(file.Targets);
        Assert.Equal([5L, 3, 8, 8], file.Inputs.Shape);
        Assert.Equal([2, Hdf5Filter.DeflateIdentifier], file.Inputs.Filters!.Select(filter => filter.Identifier));
        Assert.Equal(["shuffle", "deflate(level 4)"], file.Inputs.Filters!.Select(filter => filter.ToString()));
        Assert.Equal([null, 4], file.Inputs.Filters!.Select(filter => filter.DeflateLevel));
        var all = file.ReadRange(0, 5);
        Assert.Equal(ClosedForm.Samples(0, 5, 192, 1.0, 0.001), all.Inputs);
        Assert.Equal(ExpectedSum("pdebench_like.h5", "/tensor"), all.Inputs.Sum(v => (double)v), 8);
    }

    [Fact]
    public void Float64ContiguousAndSplitChunksConvertToFloat32()
    {
        using var file = Hdf5DatasetFile.Open(Fixture("float64.h5"), new DatasetReaderOptions { InputsPath = "/a", TargetsPath = "/u" });
        Assert.Equal("float64", file.Inputs.ElementType);
        Assert.Equal(H5DataLayoutClass.Contiguous, file.Targets!.Layout);
        Assert.Null(file.Targets.ChunkShape);
        Assert.Equal([1L, 3, 6], file.Inputs.ChunkShape!);
        Assert.False(file.Inputs.CopiesWholeChunks);

        var batch = file.ReadBatch([3, 1, 2]);
        long[] order = [3, 1, 2];
        Assert.Equal(order.SelectMany(n => ClosedForm.Samples(n, 1, 36, 2.0, -0.0005)).ToArray(), batch.Inputs);
        Assert.Equal(order.SelectMany(n => ClosedForm.Samples(n, 1, 36, 1.0, 0.001)).ToArray(), batch.Targets);
    }
}
