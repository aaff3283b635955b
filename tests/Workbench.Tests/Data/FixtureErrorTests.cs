using Workbench.Core.Errors;
using Workbench.Data.Hdf5;

namespace Workbench.Tests.Data;

/// <summary>Broken fixture files give one-line DataFileExceptions naming the file and the problem.</summary>
public class FixtureErrorTests
{
    private static string Fixture(string name) => FixturePaths.Of("hdf5", name);

    private static DataFileException OpenAndReadAll(string path, DatasetReaderOptions? options = null)
    {
        return Assert.Throws<DataFileException>(() =>
        {
            using var file = Hdf5DatasetFile.Open(path, options);
            file.ReadRange(0, (int)file.SampleCount);
        });
    }

    private static void AssertOneLineNaming(DataFileException error, string path, string problem)
    {
        Assert.DoesNotContain('\n', error.Message);
        Assert.StartsWith(Path.GetFullPath(path), error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void MissingFile()
    {
        var path = Fixture("no_such_file.h5");
        AssertOneLineNaming(OpenAndReadAll(path), path, "file not found");
    }

    [Fact]
    public void NotAnHdf5File()
    {
        var path = Fixture("not_hdf5.h5");
        AssertOneLineNaming(OpenAndReadAll(path), path, "not an HDF5 file");
    }

    [Theory]
    [InlineData("truncated_head.h5")]
    [InlineData("truncated_half.h5")]
    public void TruncatedFile(string name)
    {
        var path = Fixture(name);
        AssertOneLineNaming(OpenAndReadAll(path), path, "corrupt or truncated");
        Assert.Throws<DataFileException>(() => DatasetInspector.Inspect(path));
    }

    [Fact]
    public void MissingDatasetListsWhatExists()
    {
        var path = Fixture("pdebench_like.h5");
        var error = OpenAndReadAll(path);
        AssertOneLineNaming(error, path, "no dataset /inputs");
        Assert.Contains("/tensor", error.Message);
    }

    [Fact]
    public void InputsAndTargetsOfDifferentLength()
    {
        var path = Fixture("mismatched_n.h5");
        AssertOneLineNaming(OpenAndReadAll(path), path, "/inputs has 5 samples but /targets has 4");
    }

    [Fact]
    public void IntegerDataset()
    {
        var path = Fixture("integers.h5");
        AssertOneLineNaming(OpenAndReadAll(path), path, "/inputs holds int32; expected float32 or float64");
    }
}
