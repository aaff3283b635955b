using Workbench.Data.Hdf5;

namespace Workbench.Tests.Data;

/// <summary>The inspection report against the fixtures' closed-form values and h5py's layouts.</summary>
public class InspectionTests
{
    [Fact]
    public void ReportListsEveryDatasetWithStorageAndRanges()
    {
        var report = DatasetInspector.Inspect(FixturePaths.Of("hdf5", "layout.h5"));
        Assert.Equal(["/grid", "/inputs", "/targets", "/time"], report.Datasets.Select(d => d.Path));

        var inputs = report.Datasets.Single(d => d.Path == "/inputs");
        Assert.Equal([6L, 4, 5], inputs.Shape);
        Assert.Equal("float32", inputs.ElementType);
        Assert.Equal("chunked", inputs.Layout);
        Assert.Equal([1L, 4, 5], inputs.ChunkShape!);
        Assert.Empty(inputs.Filters!);
        Assert.Equal("m/s", inputs.Attributes["units"]);
        var expected = ClosedForm.Samples(0, 6, 20, 1.0, 0.001);
        Assert.Equal(expected.Min(), inputs.Values!.Min);
        Assert.Equal(expected.Max(), inputs.Values.Max);
        Assert.Equal(expected.Average(v => (double)v), inputs.Values.Mean, 12);

        var time = report.Datasets.Single(d => d.Path == "/time");
        Assert.Equal("contiguous", time.Layout);
        Assert.Equal(0.0, time.Values!.Min);
        Assert.Equal(1.0, time.Values.Max);
        Assert.Equal("7", report.Attributes["seed"]);
        Assert.Equal("closed-form", report.Attributes["generator"]);
    }

    [Fact]
    public void RenderShowsShapesChunkingCompressionRangesAndAttributes()
    {
        var text = DatasetInspector.Inspect(FixturePaths.Of("hdf5", "pdebench_like.h5")).Render();
        Assert.Contains("/tensor  float32 [5, 3, 8, 8]", text);
        Assert.Contains("layout chunked chunks [1, 3, 8, 8], compression shuffle, deflate(level 4)", text);
        var max = ClosedForm.Value(4, 191, 1.0, 0.001);
        Assert.Contains($"values min 0, max {((double)max).ToString("G6", System.Globalization.CultureInfo.InvariantCulture)}", text);
        Assert.Contains("/x-coordinate  float32 [8]", text);
    }

    [Fact]
    public void IntegerDatasetsAreListedWithoutRanges()
    {
        var report = DatasetInspector.Inspect(FixturePaths.Of("hdf5", "integers.h5"));
        var inputs = report.Datasets.Single(d => d.Path == "/inputs");
        Assert.Equal("int32", inputs.ElementType);
        Assert.Null(inputs.Values);
    }
}
