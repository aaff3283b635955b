using Workbench.Core.Errors;

namespace Workbench.Training.Sweeps;

/// <summary>One job array of a sweep and the collection job that depends on it.</summary>
public abstract class SweepPhase
{
    /// <summary>"generate" or "train": the name the job scripts pass to --task and --collect.</summary>
    public abstract string Name { get; }

    public abstract IReadOnlyList<SweepTask> Tasks { get; }

    /// <summary>What the collection job makes, for the script's comments and the progress lines.</summary>
    public abstract string Product { get; }

    /// <summary>Whether the phase's product already exists, so neither its tasks nor its collection need to run.</summary>
    public abstract bool Complete { get; }

    /// <summary>Whether the collection job runs models, and so asks for the tasks' CPUs and GPUs rather than one CPU.</summary>
    public virtual bool CollectionRunsModels => false;

    public IReadOnlyList<int> UnfinishedIndices() =>
        Enumerable.Range(0, Tasks.Count).Where(i => Tasks[i].State() != TaskState.Finished).ToList();

    /// <summary>The workbench commands of the collection job; refuses, naming every unfinished task, while one is left.</summary>
    public IReadOnlyList<CollectionStep> CollectionSteps(string sweepName)
    {
        if (Complete) return [];
        var unfinished = UnfinishedIndices();
        if (unfinished.Count > 0)
            throw new WorkbenchException(
                $"sweep {sweepName}: cannot collect {Name}, {unfinished.Count} of {Tasks.Count} tasks not finished: " +
                string.Join(", ", unfinished.Select(i => $"{Tasks[i].Id} (task {i}, {Tasks[i].State().ToString().ToLowerInvariant()})")));
        return Collection();
    }

    protected abstract IReadOnlyList<CollectionStep> Collection();
}

/// <summary>The shards of one dataset, merged into the sweep's generate.out.</summary>
public sealed class GenerationPhase(GenerateStage stage, IReadOnlyList<ShardTask> shards) : SweepPhase
{
    public override string Name => "generate";
    public override IReadOnlyList<SweepTask> Tasks => shards;
    public override string Product => stage.Shards > 1 ? $"merges the shards into {stage.Out}" : $"checks {stage.Out}";
    public override bool Complete => File.Exists(stage.Out);

    protected override IReadOnlyList<CollectionStep> Collection() =>
        stage.Shards > 1 ? [CollectionStep.Workbench(["datasets", "merge", .. shards.Select(s => s.OutputPath), "--out", stage.Out])] : [];
}
