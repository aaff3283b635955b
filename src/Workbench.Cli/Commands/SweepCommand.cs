using System.CommandLine;
using System.Diagnostics;
using System.Reflection;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using Workbench.Training.Sweeps;

namespace Workbench.Cli.Commands;

/// <summary>
/// <c>workbench sweep SWEEP.json --out DIR [--dry-run|--local]</c>: submits a sweep to Slurm as job arrays with dependent
/// collection jobs, prints that script, or runs the same tasks here one after another. The jobs call it back with
/// <c>--task PHASE/INDEX</c> or <c>--collect PHASE</c>.
/// </summary>
public static class SweepCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var sweepFile = new Argument<string>("sweep") { Description = "Sweep file (JSON): generate and/or train sections, resources." };
        var output = new Option<string>("--out") { Description = "Sweep folder: sweep.json, configs/, shards/, runs/, logs/, submit.sh.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the Slurm submission script; submit and write nothing." };
        var local = new Option<bool>("--local") { Description = "Run every task here, one after another, then the collection steps." };
        var workbench = new Option<string?>("--workbench") { Description = "The workbench executable the jobs call (default: the sweep file's 'workbench', else this one)." };
        var task = new Option<string?>("--task") { Description = "Run one array task, PHASE/INDEX (what the job script calls)." };
        var collect = new Option<string?>("--collect") { Description = "Run a phase's collection step (what the collection job calls)." };
        var command = new Command("sweep", "Run a sweep (sharded dataset generation, experiments x overrides x seeds) as Slurm job arrays, or here with --local.")
        {
            sweepFile, output, dryRun, local, workbench, task, collect,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var path = parse.GetValue(sweepFile)!;
            var modes = new[] { parse.GetValue(dryRun), parse.GetValue(local), parse.GetValue(task) is not null, parse.GetValue(collect) is not null };
            if (modes.Count(m => m) > 1) throw new WorkbenchException("sweep: --dry-run, --local, --task and --collect exclude one another");
            var sweep = SweepFileLoader.Load(path);
            var plan = SweepPlan.Create(sweep, parse.GetValue(output)!);

            if (parse.GetValue(dryRun))
            {
                ctx.Output.Write(SlurmScript.Render(plan, Executable(parse.GetValue(workbench) ?? sweep.Workbench), Environment.CurrentDirectory));
                return 0;
            }
            plan.Freeze(path);
            if (parse.GetValue(task) is { } taskName) return RunTask(plan, taskName, ctx);
            if (parse.GetValue(collect) is { } phase) return RunCollection(plan.Phase(phase).CollectionSteps(sweep.Name), ctx);
            if (parse.GetValue(local)) return RunHere(plan, ctx);
            return Submit(plan, Executable(parse.GetValue(workbench) ?? sweep.Workbench), ctx);
        });
        return command;
    }

    private static int RunHere(SweepPlan plan, CliContext ctx)
    {
        foreach (var phase in plan.Phases)
        {
            if (phase.Complete)
            {
                ctx.Output.WriteLine($"{phase.Name}: complete already");
                continue;
            }
            for (var i = 0; i < phase.Tasks.Count; i++)
            {
                var code = RunTask(plan, $"{phase.Name}/{i}", ctx);
                if (code != 0) return code;
            }
            var collected = RunCollection(phase.CollectionSteps(plan.Sweep.Name), ctx);
            if (collected != 0) return collected;
        }
        return 0;
    }

    private static int RunTask(SweepPlan plan, string name, CliContext ctx)
    {
        var parts = name.Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var index))
            throw new WorkbenchException($"--task: expected PHASE/INDEX such as train/3, got '{name}'");
        var task = plan.Task(parts[0], index);
        ctx.Output.WriteLine($"{name} {task.Id}: {task.State().ToString().ToLowerInvariant()}");
        return RunSteps(task.StepsToFinish(), ctx);
    }

    /// <summary>Each step runs in this process as the workbench command it names; the first failure ends the task.</summary>
    private static int RunSteps(IReadOnlyList<string[]> steps, CliContext ctx)
    {
        foreach (var step in steps)
        {
            ctx.Output.WriteLine("$ workbench " + string.Join(" ", step.Select(SlurmScript.Quote)));
            var code = WorkbenchApp.Run(step, ctx.Output, ctx.Error);
            if (code != 0) return code;
        }
        return 0;
    }

    private static int RunCollection(IReadOnlyList<CollectionStep> steps, CliContext ctx)
    {
        foreach (var step in steps)
        {
            var code = step.Program is { } program ? RunProgram(program, step.Arguments, ctx) : RunSteps([[.. step.Arguments]], ctx);
            if (code != 0) return code;
        }
        return 0;
    }

    /// <summary>Runs another program of a collection job, its output passed on; a failure is one line naming it.</summary>
    private static int RunProgram(string program, IReadOnlyList<string> arguments, CliContext ctx)
    {
        var line = string.Join(" ", arguments.Prepend(program).Select(SlurmScript.Quote));
        ctx.Output.WriteLine("$ " + line);
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new WorkbenchException($"sweep: cannot run {program} ({e.Message})");
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync();
            ctx.Output.Write(process.StandardOutput.ReadToEnd());
            process.WaitForExit();
            ctx.Error.Write(errors.Result);
            if (process.ExitCode != 0) throw new WorkbenchException($"sweep: {line} failed with exit code {process.ExitCode}");
        }
        return 0;
    }

    private static int Submit(SweepPlan plan, IReadOnlyList<string> workbench, CliContext ctx)
    {
        var script = SlurmScript.Render(plan, workbench, Environment.CurrentDirectory);
        AtomicFile.WriteAllText(plan.Layout.SubmitScript, script);
        var start = new ProcessStartInfo("bash", [plan.Layout.SubmitScript]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process bash;
        try
        {
            bash = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new WorkbenchException($"sweep: cannot run bash ({e.Message})");
        }
        using (bash)
        {
            var errors = bash.StandardError.ReadToEndAsync();
            ctx.Output.Write(bash.StandardOutput.ReadToEnd());
            bash.WaitForExit();
            if (bash.ExitCode != 0)
            {
                var reason = errors.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? $"exit code {bash.ExitCode}";
                throw new WorkbenchException($"sweep: submitting {plan.Layout.SubmitScript} failed: {reason}" +
                                             (reason.Contains("sbatch: command not found") ? " (install Slurm's client, or run the sweep here with --local)" : ""));
            }
        }
        ctx.Output.WriteLine($"submitted {plan.Layout.SubmitScript}; logs go to {plan.Layout.LogsDir}");
        return 0;
    }

    /// <summary>The command words that start workbench: the given executable, else this process's own.</summary>
    private static IReadOnlyList<string> Executable(string? given)
    {
        if (given is not null)
            return File.Exists(given) ? [Path.GetFullPath(given)] : throw new WorkbenchException($"--workbench: {given}: file not found");
        var process = Environment.ProcessPath ?? throw new WorkbenchException("sweep: cannot tell this executable's path; name it with --workbench");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, Assembly.GetEntryAssembly()!.Location]
            : [process];
    }
}
