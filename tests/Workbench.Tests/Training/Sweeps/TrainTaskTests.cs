using Workbench.Core.Errors;
using Workbench.Training.Sweeps;

namespace Workbench.Tests.Training.Sweeps;

/// <summary>A training task reads its state from its run folder and runs only what is left.</summary>
public sealed class TrainTaskTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("wb-sweep-task-").FullName;

    private (TrainTask Task, string Run) Task()
    {
        var run = Path.Combine(_work, "runs", "a", "seed-4");
        return (new TrainTask("a", "c.json", 4, run, ["--threads", "1"]), run);
    }

    [Fact]
    public void AFolderWithoutConfigStartsOverFromScratch()
    {
        var (task, run) = Task();
        Assert.Equal(TaskState.Missing, task.State());
        Directory.CreateDirectory(Path.Combine(run, "checkpoints"));
        Assert.Equal(TaskState.Missing, task.State());
        Assert.Equal(
            [["--threads", "1", "--seed", "4", "train", "c.json", "--out", run], ["--threads", "1", "eval", run]],
            task.StepsToFinish());
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public void AStartedRunResumesAndATrainedOneIsOnlyEvaluated()
    {
        var (task, run) = Task();
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "config.json"), "{}");
        Assert.Equal(TaskState.Resumable, task.State());
        Assert.Equal([["--threads", "1", "train", "--resume", run], ["--threads", "1", "eval", run]], task.StepsToFinish());

        File.WriteAllText(Path.Combine(run, "summary.json"), "{}");
        Assert.Equal(TaskState.Resumable, task.State());
        Assert.Equal([["--threads", "1", "eval", run]], task.StepsToFinish());

        File.WriteAllText(Path.Combine(run, "eval-last.json"), "{}");
        Assert.Equal(TaskState.Finished, task.State());
        Assert.Empty(task.StepsToFinish());
        Assert.True(File.Exists(Path.Combine(run, "config.json")));
    }

    [Fact]
    public void CollectionNamesEveryUnfinishedRunAndThenWritesTheTable()
    {
        var sweep = SweepFileLoader.Parse("""{ "name": "s", "train": { "experiments": ["a.json"], "seeds": [0, 1, 2], "results": "r.md", "title": "T" } }""", "s.json");
        var dir = Path.Combine(_work, "out");
        var phase = SweepPlan.Create(sweep, dir).Phase("train");
        var seed1 = Path.Combine(dir, "runs", "a", "seed-1");
        Directory.CreateDirectory(seed1);
        File.WriteAllText(Path.Combine(seed1, "config.json"), "{}");
        File.WriteAllText(Path.Combine(seed1, "eval-last.json"), "{}");
        var seed2 = Path.Combine(dir, "runs", "a", "seed-2");
        Directory.CreateDirectory(seed2);
        File.WriteAllText(Path.Combine(seed2, "config.json"), "{}");

        var refused = Assert.Throws<WorkbenchException>(() => phase.CollectionSteps("s"));
        Assert.Equal("sweep s: cannot collect train, 2 of 3 tasks not finished: a/seed-0 (task 0, missing), a/seed-2 (task 2, resumable)", refused.Message);
        Assert.Equal([0, 2], phase.UnfinishedIndices());

        foreach (var seed in new[] { 0, 2 })
        {
            Directory.CreateDirectory(Path.Combine(dir, "runs", "a", $"seed-{seed}"));
            File.WriteAllText(Path.Combine(dir, "runs", "a", $"seed-{seed}", "eval-last.json"), "{}");
        }
        var table = Assert.Single(phase.CollectionSteps("s"));
        Assert.Null(table.Program);
        Assert.Equal(["results", Path.Combine(dir, "runs"), "--title", "T", "--out", "r.md"], table.Arguments);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
