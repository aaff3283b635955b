using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Training.Config;
using Workbench.Training.Sweeps;

namespace Workbench.Tests.Training.Sweeps;

public sealed class SweepPlanTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("wb-sweep-plan-").FullName;
    private static readonly string Tiny = Path.Combine(FixturePaths.Root, "..", "..", "experiments", "tiny-smoothing.json");

    private string SweepFile(string text)
    {
        var path = Path.Combine(_work, "s.sweep.json");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void ExpandsExperimentsThenOverridesThenSeedsWithTheirCommands()
    {
        var sweep = SweepFileLoader.Parse($$"""
            { "name": "s", "device": "cpu", "resources": { "cpus": 2 },
              "train": { "experiments": ["{{Tiny}}", "other/b.json"], "seeds": [5, 7],
                         "overrides": { "lo": { "optimizer": { "lr": 0.001 } }, "hi": { "optimizer": { "lr": 0.01 } } },
                         "results": "r.md", "results_json": "r.json", "title": "T" } }
            """, "s.json");
        var dir = Path.Combine(_work, "out");
        var plan = SweepPlan.Create(sweep, dir);

        var train = Assert.Single(plan.Phases);
        Assert.Equal("train", train.Name);
        Assert.Equal(
            ["tiny-smoothing-lo/seed-5", "tiny-smoothing-lo/seed-7", "tiny-smoothing-hi/seed-5", "tiny-smoothing-hi/seed-7",
             "b-lo/seed-5", "b-lo/seed-7", "b-hi/seed-5", "b-hi/seed-7"],
            train.Tasks.Select(t => t.Id));
        var run = Path.Combine(dir, "runs", "tiny-smoothing-hi", "seed-7");
        Assert.Equal(
            [["--device", "cpu", "--threads", "2", "--seed", "7", "train", Path.Combine(dir, "configs", "tiny-smoothing-hi.json"), "--out", run],
             ["--device", "cpu", "--threads", "2", "eval", run]],
            plan.Task("train", 3).StepsToFinish());
        Assert.Throws<WorkbenchException>(() => plan.Task("train", 8));
        Assert.Throws<WorkbenchException>(() => plan.Phase("generate"));
    }

    [Fact]
    public void ShardsGenerateTheirBlockAndTheCollectionMergesThem()
    {
        var sweep = SweepFileLoader.Parse("""
            { "name": "s", "generate": { "kind": "navier-stokes", "args": ["--samples", "8"], "seed": 3, "shards": 4, "out": "d.h5" } }
            """, "s.json");
        var dir = Path.Combine(_work, "out");
        var plan = SweepPlan.Create(sweep, dir);
        var shard = (i: 2, path: Path.Combine(dir, "shards", "shard-2-of-4.h5"));
        Assert.Equal(
            [["--threads", "1", "--seed", "3", "datasets", "generate", "navier-stokes", "--samples", "8", "--shard", "2/4", "--out", shard.path]],
            plan.Task("generate", shard.i).StepsToFinish());

        Directory.CreateDirectory(Path.GetDirectoryName(shard.path)!);
        foreach (var i in new[] { 0, 2 }) File.WriteAllBytes(Path.Combine(dir, "shards", $"shard-{i}-of-4.h5"), []);
        Assert.Empty(plan.Task("generate", 2).StepsToFinish());
        var refused = Assert.Throws<WorkbenchException>(() => plan.Phase("generate").CollectionSteps("s"));
        Assert.Equal("sweep s: cannot collect generate, 2 of 4 tasks not finished: shard-1 (task 1, missing), shard-3 (task 3, missing)", refused.Message);

        foreach (var i in new[] { 1, 3 }) File.WriteAllBytes(Path.Combine(dir, "shards", $"shard-{i}-of-4.h5"), []);
        var merge = Assert.Single(plan.Phase("generate").CollectionSteps("s"));
        Assert.Null(merge.Program);
        Assert.Equal(["datasets", "merge", .. Enumerable.Range(0, 4).Select(i => Path.Combine(dir, "shards", $"shard-{i}-of-4.h5")), "--out", "d.h5"], merge.Arguments);
    }

    [Fact]
    public void VerifyScoresEachSeedsRunsUnderTheirNamesThenCollectsTheSeedFiles()
    {
        var sweep = SweepFileLoader.Parse("""
            { "name": "s", "device": "cuda", "threads": 2,
              "train": { "experiments": ["x/radar-a.json", "x/radar-b.json"], "seeds": [3, 5], "results": "r.md",
                         "verify": { "data": "d.h5", "test": "10:20", "checkpoint": "best", "out": "v/seed-{seed}",
                                     "runs": { "b": "radar-b", "a": "radar-a" },
                                     "collect": ["python3", "c.py", "{json}", "--out", "v/all"] } } }
            """, "s.json");
        var dir = Path.Combine(_work, "out");
        var plan = SweepPlan.Create(sweep, dir);
        var phase = plan.Phase("train");
        Assert.True(phase.CollectionRunsModels);
        foreach (var task in phase.Tasks.Cast<TrainTask>())
        {
            Directory.CreateDirectory(task.Run.Root);
            File.WriteAllText(task.Run.EvalPathFor("last"), "{}");
        }

        var steps = phase.CollectionSteps("s");
        Assert.Equal([null, null, null, "python3"], steps.Select(step => step.Program));
        Assert.Equal(["results", Path.Combine(dir, "runs"), "--title", "Results", "--out", "r.md"], steps[0].Arguments);
        string[] Verify(long seed) =>
        [
            "--device", "cuda", "--threads", "2", "nowcast", "verify", "--data", "d.h5", "--test", "10:20",
            "--run", $"b={Path.Combine(dir, "runs", "radar-b", $"seed-{seed}")}", "--run", $"a={Path.Combine(dir, "runs", "radar-a", $"seed-{seed}")}",
            "--checkpoint", "best", "--out", $"v/seed-{seed}",
        ];
        Assert.Equal(Verify(3), steps[1].Arguments);
        Assert.Equal(Verify(5), steps[2].Arguments);
        Assert.Equal(["c.py", "v/seed-3.json", "v/seed-5.json", "--out", "v/all"], steps[3].Arguments);
    }

    [Fact]
    public void VerifyWithoutRunsNamesEachVariantByItselfAndNeedsNoTable()
    {
        var sweep = SweepFileLoader.Parse("""
            { "name": "s", "train": { "experiments": ["a.json"], "overrides": { "lo": {}, "hi": {} },
                                      "verify": { "data": "d.h5", "test": "0:4", "out": "v" } } }
            """, "s.json");
        var dir = Path.Combine(_work, "out");
        var phase = SweepPlan.Create(sweep, dir).Phase("train");
        foreach (var task in phase.Tasks.Cast<TrainTask>())
        {
            Directory.CreateDirectory(task.Run.Root);
            File.WriteAllText(task.Run.EvalPathFor("last"), "{}");
        }
        var verify = Assert.Single(phase.CollectionSteps("s"));
        Assert.Equal(
            ["--threads", "1", "nowcast", "verify", "--data", "d.h5", "--test", "0:4",
             "--run", $"a-lo={Path.Combine(dir, "runs", "a-lo", "seed-0")}", "--run", $"a-hi={Path.Combine(dir, "runs", "a-hi", "seed-0")}",
             "--checkpoint", "last", "--out", "v"],
            verify.Arguments);
    }

    [Fact]
    public void FreezeWritesEachVariantAndRefusesAFolderOfAnotherSweep()
    {
        var path = SweepFile($$"""
            { "name": "s", "train": { "experiments": ["{{Tiny}}"], "overrides": { "wide": { "model": { "width": 32 }, "schedule": null } }, "results": "r.md" } }
            """);
        var dir = Path.Combine(_work, "out");
        var plan = SweepPlan.Create(SweepFileLoader.Load(path), dir);
        plan.Freeze(path);

        var frozen = ExperimentConfigLoader.Load(Path.Combine(dir, "configs", "tiny-smoothing-wide.json"));
        var original = ExperimentConfigLoader.Load(Tiny);
        Assert.Equal("tiny-smoothing-wide", frozen.Name);
        Assert.Equal(
            ExperimentConfigLoader.Serialize(original with { Name = frozen.Name, Model = frozen.Model, Schedule = new ScheduleConfig() }),
            ExperimentConfigLoader.Serialize(frozen));
        Assert.Equal(32, JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "configs", "tiny-smoothing-wide.json")))!["model"]!["width"]!.GetValue<int>());
        Assert.Equal(File.ReadAllText(path), File.ReadAllText(Path.Combine(dir, "sweep.json")));

        plan.Freeze(path);
        plan.Freeze(Path.Combine(dir, "sweep.json"));
        File.WriteAllText(path, File.ReadAllText(path).Replace("32", "48"));
        var refused = Assert.Throws<WorkbenchException>(() => SweepPlan.Create(SweepFileLoader.Load(path), dir).Freeze(path));
        Assert.Equal($"{dir}: holds another sweep (its sweep.json differs from {path}); use another --out", refused.Message);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
