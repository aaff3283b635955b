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
        var merged = Path.Combine(_folder, "merged.h5");
        var merge = CliRunner.Run("datasets", "merge", Path.Combine(_folder, "s1.h5"), Path.Combine(_folder, "s0.h5"), "--out", merged);
        Assert.True(merge.ExitCode == 0, merge.Error);

        using var whole = Hdf5DatasetFile.Open(Path.Combine(_folder, "whole.h5"));
        using var first = Hdf5DatasetFile.Open(Path.Combine(_folder, "s0.h5"));
        using var joined = Hdf5DatasetFile.Open(merged);
        Assert.Equal(1, first.SampleCount);
        Assert.Equal([3L, 6, 64, 64], joined.Inputs.Shape);
        var expected = whole.ReadRange(0, 3);
        var actual = joined.ReadRange(0, 3);
        Assert.Equal(expected.Inputs, actual.Inputs);
        Assert.Equal(expected.Targets, actual.Targets);
        Assert.Equal(whole.Provenance!.ParametersJson, joined.Provenance!.ParametersJson);
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
