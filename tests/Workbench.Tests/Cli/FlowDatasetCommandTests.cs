namespace Workbench.Tests.Cli;

[Collection(Training.TrainingRunCollection.Name)]
public sealed class FlowDatasetCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-ns-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private CliRunner.Result Generate(string output, params string[] extra) => CliRunner.Run(
        [
            "--seed", "11", "datasets", "generate", "navier-stokes", "--samples", "2", "--resolution", "8", "--solver-resolution", "16",
            "--horizon", "12", "--dt", "0.02", "--batch", "2", "--out", Path.Combine(_folder, output), .. extra,
        ]);

    [Fact]
    public void ShardsMergeIntoTheSameDatasetAsOneRun()
    {
        Assert.Equal(0, Generate("whole.h5").ExitCode);
        Assert.Equal(0, Generate("s1.h5", "--shard", "1/2").ExitCode);
        Assert.Equal(0, Generate("s0.h5", "--shard", "0/2").ExitCode);
        using var joined = MergedShards.MergeAndCompare(Path.Combine(_folder, "whole.h5"), Path.Combine(_folder, "merged.h5"),
            Path.Combine(_folder, "s1.h5"), Path.Combine(_folder, "s0.h5"));
        Assert.Equal([2L, 10, 8, 8], joined.Inputs.Shape);
        Assert.Equal([2L, 2, 8, 8], joined.Targets!.Shape);
    }

    [Fact]
    public void IncompleteShardSetIsRefusedWithoutOutput()
    {
        Assert.Equal(0, Generate("s0.h5", "--shard", "0/2").ExitCode);
        var merged = Path.Combine(_folder, "merged.h5");
        var result = CliRunner.Run("datasets", "merge", Path.Combine(_folder, "s0.h5"), "--out", merged);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 of 2 samples", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(merged));
    }

    [Fact]
    public void BadShardIsAUsageLevelUserError()
    {
        var result = Generate("x.h5", "--shard", "2/2");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--shard", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(Path.Combine(_folder, "x.h5")));
    }
}
