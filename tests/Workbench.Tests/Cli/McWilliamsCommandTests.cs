using Workbench.Data.Hdf5;
using Workbench.Tests.Data;

namespace Workbench.Tests.Cli;

[Collection(Training.TrainingRunCollection.Name)]
public sealed class McWilliamsCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private CliRunner.Result Generate(string output, int snapshots, string endTime) => CliRunner.Run(
        "--seed", "5", "--threads", "1", "datasets", "generate", "mcwilliams", "--samples", "2", "--resolution", "8",
        "--solver-resolution", "16", "--dt", "0.05", "--snapshots", snapshots.ToString(), "--end-time", endTime,
        "--input-frames", "2", "--target-frames", "3", "--batch", "2", "--out", _folder.File(output));

    [Fact]
    public void AnEarlierEndTimeRecordsThePrefixOfTheLongerRunAtTheSameSpacing()
    {
        var longer = Generate("long.h5", snapshots: 10, endTime: "5.5");
        Assert.True(longer.ExitCode == 0, longer.Error);
        var shorter = Generate("short.h5", snapshots: 5, endTime: "5");
        Assert.True(shorter.ExitCode == 0, shorter.Error);

        using var full = Hdf5DatasetFile.Open(_folder.File("long.h5"));
        using var prefix = Hdf5DatasetFile.Open(_folder.File("short.h5"));
        Assert.Equal(full.ReadRange(0, 2).Inputs, prefix.ReadRange(0, 2).Inputs);
        Assert.Equal(full.ReadRange(0, 2).Targets, prefix.ReadRange(0, 2).Targets);
        using var time = Hdf5DatasetFile.Open(_folder.File("short.h5"), new DatasetReaderOptions { InputsPath = DatasetLayout.Time, TargetsPath = null });
        Assert.Equal([4.7, 4.8, 4.9], time.ReadRange(0, 3).Inputs.Select(t => Math.Round(t, 4)));
    }

    [Fact]
    public void AnEndTimeBeforeTheWarmUpIsAUserError()
    {
        var result = Generate("x.h5", snapshots: 5, endTime: "4");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--end-time", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(_folder.File("x.h5")));
    }
}
