namespace Workbench.Training.Sweeps;

/// <summary>Where a task stands, read from its output alone (so a requeued or repeated task knows what is left).</summary>
public enum TaskState
{
    /// <summary>Nothing usable yet: the task starts from scratch.</summary>
    Missing,

    /// <summary>Started and interrupted: the task continues from what it left (a run folder's last checkpoint).</summary>
    Resumable,

    /// <summary>Done: running the task again does nothing.</summary>
    Finished,
}
