using Workbench.Data.Hdf5;

namespace Workbench.Tests.Cli;

[Collection(Training.TrainingRunCollection.Name)]
public sealed class RadarDatasetCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-radar-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CliRunner.Result Generate(string output, params string[] extra) => CliRunner.Run(
        ["--seed", "3", "datasets", "generate", "radar", "--samples", "3", "--resolution", "64", "--out", Path.Combine(_folder, output), .. extra]);

    [Fact]
    public void ShardsMergeIntoTheSameSequencesAsOneRun()
    {
        Assert.Equal(0, Generate("whole.h5").ExitCode);
        Assert.Equal(0, Generate("s1.h5", "--shard", "1/2").ExitCode);
        Assert.Equal(0, Generate("s0.h5", "--shard", "0/2").ExitCode);
        using var joined = MergedShards.MergeAndCompare(Path.Combine(_folder, "whole.h5"), Path.Combine(_folder, "merged.h5"),
            Path.Combine(_folder, "s1.h5"), Path.Combine(_folder, "s0.h5"));
        using var first = Hdf5DatasetFile.Open(Path.Combine(_folder, "s0.h5"));
        Assert.Equal(1, first.SampleCount);
        Assert.Equal([3L, 6, 64, 64], joined.Inputs.Shape);
        Assert.Equal([(int)DeflateLevel.Fastest], joined.Inputs.Filters!.Select(filter => filter.DeflateLevel));
    }

    [Fact]
    public void BadShardIsAOneLineErrorWithoutOutput()
    {
        var result = Generate("x.h5", "--shard", "3/3");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--shard", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(Path.Combine(_folder, "x.h5")));
    }
}
