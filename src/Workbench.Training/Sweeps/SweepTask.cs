namespace Workbench.Training.Sweeps;

/// <summary>One array task: its name, its state on disk, and the workbench commands that finish it from there.</summary>
public abstract class SweepTask
{
    public abstract string Id { get; }

    public abstract TaskState State();

    /// <summary>
    /// The workbench command lines (arguments after the executable) that take the task from its current state to
    /// finished; none when it is finished. Clears a start that left nothing to resume.
    /// </summary>
    public abstract IReadOnlyList<string[]> StepsToFinish();
}
