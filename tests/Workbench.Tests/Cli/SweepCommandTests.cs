namespace Workbench.Tests.Cli;

public sealed class SweepCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("wb-sweep-cli-").FullName;

    private string Sweep(string text)
    {
        var path = Path.Combine(_work, "s.sweep.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void DryRunPrintsTheScriptAndWritesNothing()
    {
        var sweep = Sweep("""{ "name": "s", "train": { "experiments": ["a.json"], "seeds": [0, 1, 2], "results": "r.md" } }""");
        var dir = Path.Combine(_work, "out");
        var result = CliRunner.Run(["sweep", sweep, "--out", dir, "--dry-run", "--workbench", sweep]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("#SBATCH --array=0-2", result.Output.Split('\n'));
        Assert.Contains($"exec {sweep} sweep {dir}/sweep.json --out {dir} --collect train", result.Output.Split('\n'));
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("""{ "name": "s", "train": { "experiments": ["a.json"], "results": "r.md", "seed": 1 } }""", "--dry-run", "unknown field 'train.seed'")]
    [InlineData("""{ "name": "s", "train": { "experiments": ["a.json"], "results": "r.md" } }""", "--local", "a.json: file not found")]
    [InlineData("""{ "name": "s", "generate": { "kind": "navier-stokes", "out": "d.h5" } }""", "--collect=train", "sweep s: has no train phase (it has: generate)")]
    [InlineData("""{ "name": "s", "generate": { "kind": "navier-stokes", "out": "d.h5" } }""", "--task=generate/1", "sweep s: generate has tasks 0..0, not 1")]
    public void BadInputIsOneLine(string text, string mode, string message)
    {
        var result = CliRunner.Run(["sweep", Sweep(text), "--out", Path.Combine(_work, "out"), mode]);
        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.ErrorLines);
        Assert.EndsWith(message, line);
    }

    [Fact]
    public void ModesExcludeOneAnother()
    {
        var sweep = Sweep("""{ "name": "s", "train": { "experiments": ["a.json"], "results": "r.md" } }""");
        var result = CliRunner.Run(["sweep", sweep, "--out", Path.Combine(_work, "out"), "--local", "--dry-run"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["error: sweep: --dry-run, --local, --task and --collect exclude one another"], result.ErrorLines);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
