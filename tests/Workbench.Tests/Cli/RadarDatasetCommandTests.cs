using System.Diagnostics;
using System.Runtime.InteropServices;
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

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    [Fact]
    public void SigtermStopsGenerationAtASampleWithExit143AndNoFile()
    {
        var output = Path.Combine(_folder, "stopped.h5");
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "workbench"),
            ["datasets", "generate", "radar", "--samples", "100000", "--resolution", "64", "--out", output])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var errors = new List<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) lock (errors) errors.Add(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60) && !Directory.EnumerateFiles(_folder, ".stopped.h5*").Any())
            Thread.Sleep(20);
        Thread.Sleep(500);
        Assert.False(process.HasExited, "generation ended before it could be signalled");
        Assert.Equal(0, SendSignal(process.Id, 15));
        Assert.True(process.WaitForExit(60_000), "the signalled generation did not stop");
        process.WaitForExit();
        Assert.Equal(143, process.ExitCode);
        string line;
        lock (errors) line = Assert.Single(errors);
        Assert.Matches(@"^stopped by SIGTERM: \d+ of 100000 samples generated, .*stopped\.h5 not written$", line);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }
}
