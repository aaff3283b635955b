namespace Workbench.Tests.Cli;

/// <summary>A dataset generator checks its output path before it computes anything, and never replaces a file unasked.</summary>
[Collection(Training.TrainingRunCollection.Name)]
public sealed class DatasetOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-output-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CliRunner.Result HeatSmoothing(string output, params string[] extra) =>
        CliRunner.Run(["--seed", "1", "datasets", "generate", "heat-smoothing-1d", "--samples", "4", "--resolution", "8", "--out", output, .. extra]);

    [Theory]
    [InlineData("heat-smoothing-1d", "--samples", "4")]
    [InlineData("radar", "--samples", "2")]
    [InlineData("navier-stokes", "--samples", "1")]
    [InlineData("mcwilliams", "--samples", "1")]
    public void An_existing_file_is_kept_unless_force_is_given(string generator, string option, string value)
    {
        var existing = Path.Combine(_folder, "existing.h5");
        File.WriteAllText(existing, "hours of data");
        var result = CliRunner.Run("datasets", "generate", generator, option, value, "--out", existing);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: --out {existing}: already exists (pass --force to replace it)", Assert.Single(result.ErrorLines));
        Assert.Equal("hours of data", File.ReadAllText(existing));
    }

    [Fact]
    public void Force_replaces_the_file()
    {
        var path = Path.Combine(_folder, "data.h5");
        File.WriteAllText(path, "old");
        var result = HeatSmoothing(path, "--force");
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.NotEqual("old", File.ReadAllText(path)[..3]);
    }

    [Fact]
    public void A_folder_as_output_is_refused_before_generating()
    {
        var result = HeatSmoothing(_folder);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: --out {_folder}: is a folder; expected a file path", Assert.Single(result.ErrorLines));
        Assert.DoesNotContain("generate", result.Output);
    }

    [Fact]
    public void Too_short_a_horizon_for_the_fno_task_is_a_one_line_user_error()
    {
        var path = Path.Combine(_folder, "ns.h5");
        var result = CliRunner.Run("datasets", "generate", "navier-stokes", "--samples", "1", "--resolution", "16",
            "--solver-resolution", "32", "--horizon", "5", "--out", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--task fno needs at least 12 recorded frames", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void More_threads_than_cores_is_a_one_line_user_error()
    {
        var result = CliRunner.Run("--threads", "100000", "info");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--threads: 100000 is more than the", Assert.Single(result.ErrorLines));
    }
}
