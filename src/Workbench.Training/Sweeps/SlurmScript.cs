using System.Globalization;
using System.Text;

namespace Workbench.Training.Sweeps;

/// <summary>
/// The bash script that submits a sweep: per phase, one <c>sbatch --array</c> job over its unfinished tasks and one
/// collection job after it (<c>--dependency=afterok</c>; on the tasks' CPUs and GPUs when it runs models, else on one
/// CPU), each phase after the previous one's collection. Every job calls <c>workbench sweep SWEEP_DIR/sweep.json --out SWEEP_DIR --task PHASE/INDEX</c> (or <c>--collect PHASE</c>).
/// </summary>
public static class SlurmScript
{
    /// <param name="workbench">The executable's command words (an apphost, or dotnet and the entry assembly).</param>
    /// <param name="workDir">The absolute folder the jobs run in: relative paths of the sweep resolve there.</param>
    public static string Render(SweepPlan plan, IReadOnlyList<string> workbench, string workDir)
    {
        var sweep = plan.Sweep;
        var logs = Path.GetFullPath(plan.Layout.LogsDir, workDir);
        var text = new StringBuilder();
        text.AppendLine("#!/bin/bash");
        text.AppendLine($"# Submits sweep {sweep.Name} to Slurm; every task skips what is finished and resumes what was interrupted.");
        text.AppendLine("set -euo pipefail");
        text.AppendLine($"mkdir -p {Quote(logs)}");
        string? previous = null;
        foreach (var phase in plan.Phases.Where(p => !p.Complete))
        {
            var unfinished = phase.UnfinishedIndices();
            if (unfinished.Count > 0)
            {
                text.AppendLine($"# {phase.Name}: {unfinished.Count} of {phase.Tasks.Count} tasks");
                previous = Submit(text, phase.Name + "_tasks", previous, [
                    $"--job-name={sweep.Name}-{phase.Name}",
                    $"--array={ArraySpec(unfinished)}{(sweep.Resources.MaxParallel is { } max ? $"%{max}" : "")}",
                    $"--output={logs}/{phase.Name}-%a.log",
                    "--open-mode=append",
                    "--requeue",
                    .. Compute(sweep.Resources),
                    .. Shared(sweep.Resources, workDir),
                ], [.. workbench, "sweep", plan.Layout.SweepPath, "--out", plan.Layout.Root, "--task"], $"{phase.Name}/$SLURM_ARRAY_TASK_ID");
            }
            text.AppendLine($"# {phase.Name}: the collection job {phase.Product}");
            previous = Submit(text, phase.Name + "_collect", previous, [
                $"--job-name={sweep.Name}-{phase.Name}-collect",
                $"--output={logs}/{phase.Name}-collect.log",
                "--open-mode=append",
                .. phase.CollectionRunsModels ? Compute(sweep.Resources) : ["--cpus-per-task=1"],
                .. Shared(sweep.Resources, workDir),
            ], [.. workbench, "sweep", plan.Layout.SweepPath, "--out", plan.Layout.Root, "--collect", phase.Name], null);
        }
        return text.ToString();
    }

    private static IEnumerable<string> Compute(SweepResources resources)
    {
        yield return $"--cpus-per-task={resources.Cpus}";
        if (resources.Gpus > 0) yield return $"--gres=gpu:{resources.Gpus}";
    }

    private static IEnumerable<string> Shared(SweepResources resources, string workDir)
    {
        yield return $"--chdir={workDir}";
        if (resources.Partition is { } partition) yield return $"--partition={partition}";
        if (resources.Time is { } time) yield return $"--time={time}";
        if (resources.Memory is { } memory) yield return $"--mem={memory}";
    }

    /// <summary>One job read by sbatch from a here-document, after the previous job (if any) succeeded; returns its variable.</summary>
    private static string Submit(StringBuilder text, string variable, string? previous, IReadOnlyList<string> directives,
        IReadOnlyList<string> command, string? lastWord)
    {
        var dependency = previous is null ? "" : $"--dependency=afterok:${previous} ";
        text.AppendLine($"{variable}=$(sbatch --parsable {dependency}<<'SBATCH'");
        text.AppendLine("#!/bin/bash");
        foreach (var directive in directives) text.AppendLine($"#SBATCH {directive}");
        text.Append("exec ").Append(string.Join(" ", command.Select(Quote)));
        text.AppendLine(lastWord is null ? "" : $" \"{lastWord}\"");
        text.AppendLine("SBATCH");
        text.AppendLine(")");
        text.AppendLine($"{variable}=${{{variable}%%;*}}");
        text.AppendLine($"echo \"{variable.Replace('_', ' ')}: job ${variable}\"");
        return variable;
    }

    /// <summary>Slurm's array index list with runs folded: 0-3,5,7-8.</summary>
    public static string ArraySpec(IReadOnlyList<int> indices)
    {
        var parts = new List<string>();
        for (var i = 0; i < indices.Count;)
        {
            var j = i;
            while (j + 1 < indices.Count && indices[j + 1] == indices[j] + 1) j++;
            parts.Add(j == i ? Invariant(indices[i]) : $"{Invariant(indices[i])}-{Invariant(indices[j])}");
            i = j + 1;
        }
        return string.Join(",", parts);
    }

    /// <summary>A word bash reads back unchanged.</summary>
    public static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "/._-+=:,@%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
