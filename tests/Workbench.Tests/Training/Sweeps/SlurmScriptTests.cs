using System.Diagnostics;
using Workbench.Training.Sweeps;

namespace Workbench.Tests.Training.Sweeps;

/// <summary>The submission script, run by bash against a stand-in sbatch that records what it was given.</summary>
public sealed class SlurmScriptTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("wb-slurm-script-").FullName;

    [Theory]
    [InlineData(new[] { 0, 1, 2, 3 }, "0-3")]
    [InlineData(new[] { 0, 1, 2, 3, 5, 7, 8 }, "0-3,5,7-8")]
    [InlineData(new[] { 4 }, "4")]
    [InlineData(new[] { 1, 3 }, "1,3")]
    public void ArraySpecFoldsRuns(int[] indices, string expected) => Assert.Equal(expected, SlurmScript.ArraySpec(indices));

    [Fact]
    public void JobsChainByAfterokAndArraysCoverOnlyUnfinishedTasks()
    {
        var sweep = SweepFileLoader.Parse("""
            { "name": "s", "resources": { "partition": "gpu", "cpus": 4, "gpus": 1, "time": "01:30:00", "memory": "8G", "max_parallel": 2 },
              "generate": { "kind": "navier-stokes", "shards": 2, "out": "d.h5" },
              "train": { "experiments": ["a.json"], "seeds": [0, 1, 2, 3], "results": "r.md" } }
            """, "s.json");
        var dir = Path.Combine(_work, "out");
        foreach (var seed in new[] { 0, 2 })
        {
            Directory.CreateDirectory(Path.Combine(dir, "runs", "a", $"seed-{seed}"));
            File.WriteAllText(Path.Combine(dir, "runs", "a", $"seed-{seed}", "eval-last.json"), "{}");
        }
        var script = SlurmScript.Render(SweepPlan.Create(sweep, dir), ["/opt/wb dir/workbench"], "/work dir");
        var calls = RunWithStandInSbatch(script);

        Assert.Equal(4, calls.Count);
        Assert.Equal(["--parsable"], calls[0].Args);
        Assert.Equal(["--parsable", "--dependency=afterok:101"], calls[1].Args);
        Assert.Equal(["--parsable", "--dependency=afterok:102"], calls[2].Args);
        Assert.Equal(["--parsable", "--dependency=afterok:103"], calls[3].Args);

        var trainTasks = calls[2].Script;
        foreach (var line in new[]
                 {
                     "#SBATCH --array=1,3%2", "#SBATCH --cpus-per-task=4", "#SBATCH --gres=gpu:1", "#SBATCH --partition=gpu",
                     "#SBATCH --time=01:30:00", "#SBATCH --mem=8G", "#SBATCH --requeue", "#SBATCH --chdir=/work dir",
                     $"#SBATCH --output={dir}/logs/train-%a.log",
                     $"exec '/opt/wb dir/workbench' sweep {dir}/sweep.json --out {dir} --task \"train/$SLURM_ARRAY_TASK_ID\"",
                 })
            Assert.Contains(line, trainTasks.Split('\n'));
        Assert.Contains("#SBATCH --array=0-1%2", calls[0].Script.Split('\n'));
        Assert.Contains($"exec '/opt/wb dir/workbench' sweep {dir}/sweep.json --out {dir} --collect train", calls[3].Script.Split('\n'));
        Assert.DoesNotContain("--gres", calls[3].Script);
        Assert.DoesNotContain("--requeue", calls[3].Script);
    }

    [Fact]
    public void AVerifyingCollectionJobAsksForTheTasksCpusAndGpus()
    {
        var sweep = SweepFileLoader.Parse("""
            { "name": "s", "resources": { "partition": "gpu", "cpus": 3, "gpus": 2 },
              "train": { "experiments": ["a.json"], "verify": { "data": "d.h5", "test": "0:1", "out": "v" } } }
            """, "s.json");
        var calls = RunWithStandInSbatch(SlurmScript.Render(SweepPlan.Create(sweep, Path.Combine(_work, "out")), ["wb"], "/w"), "train collect: job 102");
        Assert.Equal(2, calls.Count);
        var collect = calls[1].Script.Split('\n');
        foreach (var line in new[] { "#SBATCH --cpus-per-task=3", "#SBATCH --gres=gpu:2", "#SBATCH --partition=gpu" })
            Assert.Contains(line, collect);
        Assert.DoesNotContain("#SBATCH --cpus-per-task=1", collect);
    }

    [Fact]
    public void QuotedWordsReadBackUnchanged()
    {
        string[] words = ["plain/path-1.json", "it's here", "a b", "$HOME", "", "x\"y"];
        var output = Bash($"printf '%s\\n' {string.Join(" ", words.Select(SlurmScript.Quote))}", []);
        Assert.Equal(words, output.Split('\n')[..^1]);
    }

    private sealed record Call(string[] Args, string Script);

    /// <summary>Runs the script with an sbatch that records its arguments and script and answers ids 101, 102, ... ("ID;cluster").</summary>
    private List<Call> RunWithStandInSbatch(string script, string lastJob = "train collect: job 104")
    {
        var bin = Path.Combine(_work, "bin");
        Directory.CreateDirectory(bin);
        var calls = Path.Combine(_work, "calls");
        Directory.CreateDirectory(calls);
        var sbatch = Path.Combine(bin, "sbatch");
        File.WriteAllText(sbatch, $$"""
            #!/bin/bash
            n=$(( $(ls {{calls}} | wc -l) / 2 + 101 ))
            printf '%s\n' "$@" > {{calls}}/$n.args
            cat > {{calls}}/$n.script
            echo "$n;cluster"
            """);
        Bash($"chmod +x {sbatch}", []);
        var path = Path.Combine(_work, "submit.sh");
        File.WriteAllText(path, script);
        var output = Bash($"bash {path}", new() { ["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}" });
        Assert.Contains(lastJob, output);
        return Directory.GetFiles(calls, "*.args").Order()
            .Select(f => new Call(File.ReadAllLines(f), File.ReadAllText(Path.ChangeExtension(f, ".script"))))
            .ToList();
    }

    private static string Bash(string command, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("bash", ["-c", command]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
        return output;
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
