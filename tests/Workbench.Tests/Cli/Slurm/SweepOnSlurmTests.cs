using System.Runtime.Versioning;
using System.Text.Json.Nodes;

namespace Workbench.Tests.Cli.Slurm;

/// <summary>
/// <c>workbench sweep</c> on a real (one-node) Slurm cluster: sharded generation merged by the collection job, and a
/// 2-config x 2-seed sweep, one of whose tasks is cancelled mid-run and requeued, against the same sweep run with --local.
/// </summary>
[Collection(Training.TrainingRunCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class SweepOnSlurmTests(SlurmCluster cluster) : IClassFixture<SlurmCluster>
{
    private static readonly TimeSpan JobTimeout = TimeSpan.FromSeconds(150);
    private static readonly string Workbench = Path.Combine(AppContext.BaseDirectory, "workbench");

    private static readonly string[] NavierStokes =
        ["--task", "t1", "--samples", "8", "--resolution", "16", "--solver-resolution", "16", "--horizon", "2", "--dt", "1e-2", "--batch", "2"];

    [SlurmFact]
    public void FourGenerationShardsMergeIntoTheUnshardedFile()
    {
        var dir = Path.Combine(cluster.Root, "generate");
        var sweep = Write(Path.Combine(dir, "ns.sweep.json"), new JsonObject
        {
            ["name"] = "ns-shards",
            ["generate"] = new JsonObject
            {
                ["kind"] = "navier-stokes", ["args"] = Strings(NavierStokes), ["seed"] = 3, ["shards"] = 4, ["out"] = Path.Combine(dir, "merged.h5"),
            },
        });
        var whole = Path.Combine(dir, "whole.h5");
        var direct = CliRunner.Run(["--threads", "1", "--seed", "3", "datasets", "generate", "navier-stokes", .. NavierStokes, "--out", whole]);
        Assert.True(direct.ExitCode == 0, direct.Error);

        var jobs = Submit(sweep, Path.Combine(dir, "sweep"));
        Assert.Equal("COMPLETED", cluster.WaitUntilEnded(jobs["generate collect"], JobTimeout));

        for (var i = 0; i < 4; i++) Assert.Equal("COMPLETED", cluster.Job($"{jobs["generate tasks"]}_{i}").State);
        Assert.Equal(4, Directory.GetFiles(Path.Combine(dir, "sweep", "shards"), "shard-*-of-4.h5").Length);
        Assert.Equal(File.ReadAllBytes(whole), File.ReadAllBytes(Path.Combine(dir, "merged.h5")));
    }

    [SlurmFact]
    public void SweepWithACancelledAndRequeuedTaskTabulatesWhatLocalDoes()
    {
        var dir = Path.Combine(cluster.Root, "train");
        // The slow config first: its seed-0 run is array task 0, which starts at once and is cancelled mid-run.
        var slow = Write(Path.Combine(dir, "tiny-slow.json"), TinyConfig("tiny-slow", epochs: 30, batchSize: 8));
        var quick = Write(Path.Combine(dir, "tiny-quick.json"), TinyConfig("tiny-quick", epochs: 4, batchSize: 16));
        var sweep = Write(Path.Combine(dir, "tiny.sweep.json"), new JsonObject
        {
            ["name"] = "tiny",
            ["resources"] = new JsonObject { ["cpus"] = 1, ["time"] = "00:10:00" },
            ["train"] = new JsonObject
            {
                ["experiments"] = Strings(slow, quick), ["seeds"] = new JsonArray(0, 1),
                ["results"] = Path.Combine(dir, "cluster.md"), ["results_json"] = Path.Combine(dir, "cluster.json"),
            },
        });
        var clusterDir = Path.Combine(dir, "cluster");
        var jobs = Submit(sweep, clusterDir);
        var task = $"{jobs["train tasks"]}_0";
        var run = Path.Combine(clusterDir, "runs", "tiny-slow", "seed-0");

        cluster.WaitFor(() => File.Exists(Path.Combine(run, "checkpoints", "last.ckpt")), JobTimeout, "the first checkpoint of tiny-slow/seed-0");
        cluster.Run("scancel", task);
        Assert.Equal("CANCELLED", cluster.WaitUntilEnded(task, JobTimeout));
        Assert.False(File.Exists(Path.Combine(run, "summary.json")), "the cancelled run finished before it was cancelled");
        Assert.InRange(File.ReadAllLines(Path.Combine(run, "metrics.jsonl")).Length, 1, 29);
        cluster.Run("scontrol", "requeue", task);

        // The same sweep here, while the cluster works.
        var localTables = JsonNode.Parse(File.ReadAllText(sweep))!;
        localTables["train"]!["results"] = Path.Combine(dir, "local.md");
        localTables["train"]!["results_json"] = Path.Combine(dir, "local.json");
        var localSweep = Write(Path.Combine(dir, "local.sweep.json"), localTables);
        var local = CliRunner.Run(["sweep", localSweep, "--out", Path.Combine(dir, "local"), "--local"]);
        Assert.True(local.ExitCode == 0, local.Error);

        for (var i = 0; i < 4; i++) Assert.Equal("COMPLETED", cluster.WaitUntilEnded($"{jobs["train tasks"]}_{i}", JobTimeout));
        Assert.Contains("resuming tiny-slow after epoch", File.ReadAllText(Path.Combine(clusterDir, "logs", "train-0.log")));
        // A task cancelled by hand fails the collection job's afterok dependency: cancel that job and submit again,
        // which finds every task finished and submits the collection alone.
        cluster.Run("scancel", jobs["train collect"]);
        var again = Submit(sweep, clusterDir);
        Assert.False(again.ContainsKey("train tasks"));
        Assert.Equal("COMPLETED", cluster.WaitUntilEnded(again["train collect"], JobTimeout));

        foreach (var variant in new[] { "tiny-slow", "tiny-quick" })
            foreach (var seed in new[] { 0, 1 })
            {
                var relative = Path.Combine("runs", variant, $"seed-{seed}");
                Assert.Equal(File.ReadAllText(Path.Combine(dir, "local", relative, "eval-last.json")), File.ReadAllText(Path.Combine(clusterDir, relative, "eval-last.json")));
                Assert.Equal(Final(Path.Combine(dir, "local", relative)), Final(Path.Combine(clusterDir, relative)));
            }
        Assert.Equal(Table(Path.Combine(dir, "local.json")), Table(Path.Combine(dir, "cluster.json")));
    }

    /// <summary>Runs the sweep command (which submits) and returns the job ids its script printed, by job name.</summary>
    private static Dictionary<string, string> Submit(string sweep, string folder)
    {
        var submitted = CliRunner.Run(["sweep", sweep, "--out", folder, "--workbench", Workbench]);
        Assert.True(submitted.ExitCode == 0, submitted.Error);
        return submitted.Output.Split('\n')
            .Where(line => line.Contains(": job ", StringComparison.Ordinal))
            .Select(line => line.Split(": job "))
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
    }

    /// <summary>experiments/tiny-smoothing.json with its epochs and batch size changed.</summary>
    private static JsonObject TinyConfig(string name, int epochs, int batchSize) => new()
    {
        ["name"] = name,
        ["model"] = new JsonObject { ["kind"] = "fno1d", ["width"] = 16, ["modes"] = 12, ["layers"] = 2 },
        ["data"] = new JsonObject
        {
            ["builtin"] = "heat-smoothing-1d", ["samples"] = 256, ["resolution"] = 64, ["train"] = "0:192", ["validation"] = "192:224", ["test"] = "224:256",
        },
        ["optimizer"] = new JsonObject { ["kind"] = "adam", ["lr"] = 0.003 },
        ["schedule"] = new JsonObject { ["kind"] = "cosine" },
        ["epochs"] = epochs,
        ["batch_size"] = batchSize,
        ["metrics"] = new JsonArray("relative_l2", "mse"),
    };

    /// <summary>The final metrics of a run's summary.</summary>
    private static string Final(string run) => JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!["final"]!.ToJsonString();

    /// <summary>The results table without its wall times, which no two runs share.</summary>
    private static string Table(string path)
    {
        var table = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var row in table["rows"]!.AsArray()) row!.AsObject().Remove("seconds_per_epoch");
        return table.ToJsonString();
    }

    private static string Write(string path, JsonNode node)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, node.ToJsonString());
        return path;
    }

    private static JsonArray Strings(params string[] values) => new(values.Select(v => (JsonNode)v).ToArray());
}
