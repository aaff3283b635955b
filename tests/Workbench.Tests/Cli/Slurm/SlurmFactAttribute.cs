namespace Workbench.Tests.Cli.Slurm;

/// <summary>
/// A fact that starts its own single-node Slurm cluster (<see cref="SlurmCluster"/>): skipped, with the reason, only where
/// Debian's slurm-wlm and munge are not installed or the test is not root (slurmd runs the jobs as their user). Where
/// they are, a cluster that fails to start fails the test.
/// </summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
            Skip = "Debian's Slurm packages run on Linux";
        else if (SlurmCluster.MissingProgram() is { } missing)
            Skip = $"{missing} not found: Slurm is not installed (apt-get install slurm-wlm munge)";
        else if (Environment.UserName != "root")
            Skip = "a local Slurm cluster needs root (slurmd runs each job as the user who submitted it)";
    }
}
