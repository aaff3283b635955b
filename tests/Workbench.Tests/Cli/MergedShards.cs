using Workbench.Data.Hdf5;

namespace Workbench.Tests.Cli;

/// <summary>Checks that a file merged from shards holds what one unsharded run wrote.</summary>
internal static class MergedShards
{
    /// <summary>Merges <paramref name="shards"/> (in the order given) into <paramref name="merged"/> and compares it with <paramref name="whole"/>.</summary>
    public static Hdf5DatasetFile MergeAndCompare(string whole, string merged, params string[] shards)
    {
        var merge = CliRunner.Run(["datasets", "merge", .. shards, "--out", merged]);
        Assert.True(merge.ExitCode == 0, merge.Error);
        using var expectedFile = Hdf5DatasetFile.Open(whole);
        var joined = Hdf5DatasetFile.Open(merged);
        try
        {
            var count = (int)expectedFile.SampleCount;
            Assert.Equal(count, joined.SampleCount);
            var expected = expectedFile.ReadRange(0, count);
            var actual = joined.ReadRange(0, count);
            Assert.Equal(expected.Inputs, actual.Inputs);
            Assert.Equal(expected.Targets, actual.Targets);
            Assert.Equal(expectedFile.Provenance!.ParametersJson, joined.Provenance!.ParametersJson);
            Assert.Equal(expectedFile.Inputs.Filters, joined.Inputs.Filters);
            Assert.Equal(expectedFile.Targets!.Filters, joined.Targets!.Filters);
            return joined;
        }
        catch
        {
            joined.Dispose();
            throw;
        }
    }
}
