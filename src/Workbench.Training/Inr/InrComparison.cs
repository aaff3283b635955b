using System.Diagnostics;
using System.Globalization;
using System.Text;
using Workbench.Core.Errors;
using Workbench.Core.Progress;
using Workbench.Models.Inr;
using Workbench.Training.Runs;
using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>
/// Every task x model x budget, each model sized by <see cref="ParameterBudget"/> and trained for the same steps from the
/// same seed, each fit in its own run folder under one folder of runs.
/// </summary>
public static class InrComparison
{
    /// <summary>The fits of a comparison in order (task, then budget, then model), each with its run folder.</summary>
    public static List<(InrFitConfig Config, RunFolder Run)> Plan(InrTaskScale scale, IReadOnlyList<string> tasks, IReadOnlyList<InrKind> models,
        IReadOnlyList<long> budgets, InrFitSettings settings, NstrChoices nstr, string runs) =>
        (from task in tasks
         from budget in budgets
         from kind in models
         let config = new InrFitConfig(task, kind, budget, settings, scale, nstr)
         select (config, new RunFolder(Path.Combine(runs, config.Name)))).ToList();

    /// <summary>
    /// Runs the planned fits; with <paramref name="resume"/>, a fit whose folder holds a run continues it (a finished one
    /// only reads its rounds back), the others start. <paramref name="maxSeconds"/> bounds the whole comparison: the fit
    /// running when it is reached stops after its round, saved and resumable, and no later one starts (the first always does). Returns the finished results and
    /// whether every fit finished.
    /// </summary>
    public static (List<InrFitResult> Results, bool Complete) Run(Device device, IReadOnlyList<(InrFitConfig Config, RunFolder Run)> plan, bool resume,
        IProgressSink progress, double? maxSeconds = null, Action<InrFitResult>? finished = null)
    {
        if (!resume)
            foreach (var (_, run) in plan.Where(fit => Directory.Exists(fit.Run.Root) && Directory.EnumerateFileSystemEntries(fit.Run.Root).Any()))
                throw new WorkbenchException($"{run.Root}: run folder already exists (continue the comparison with --resume, or give another --runs)");
        var results = new List<InrFitResult>();
        var clock = Stopwatch.StartNew();
        foreach (var group in plan.GroupBy(fit => fit.Config.Task))
        {
            var signal = group.First().Config.Scale.Load(group.Key).To(device);
            foreach (var (config, run) in group)
            {
                var left = maxSeconds - clock.Elapsed.TotalSeconds;
                if (left <= 0 && run != plan[0].Run) return (results, false);
                var result = InrRun.Fit(config, signal, run, resume && File.Exists(run.ConfigPath), device, progress, left);
                if (result is null) return (results, false);
                results.Add(result);
                finished?.Invoke(result);
            }
        }
        return (results, true);
    }

    /// <summary>One fit in memory (figures, notebooks): its result, and the trained model, which the caller disposes.</summary>
    public static InrFitResult FitOne(InrSignal signal, InrKind kind, long budget, InrFitSettings settings, long seed, IProgressSink? progress,
        NstrChoices? nstrChoices, out nn.Module<Tensor, Tensor> trained)
    {
        using var task = new InrTask($"{signal.Name}-{kind.ToString().ToLowerInvariant()}-{budget}", signal, kind, budget, settings, seed, nstrChoices);
        var result = InrFitter.Fit(task, progress);
        trained = task.TakeModel();
        return result;
    }

    /// <summary>As above, disposing the trained model.</summary>
    public static InrFitResult FitOne(InrSignal signal, InrKind kind, long budget, InrFitSettings settings, long seed, IProgressSink? progress = null,
        NstrChoices? nstrChoices = null)
    {
        var result = FitOne(signal, kind, budget, settings, seed, progress, nstrChoices, out var trained);
        trained.Dispose();
        return result;
    }

    /// <summary>A markdown table of the results: one row per task, budget and model.</summary>
    public static string Markdown(IEnumerable<InrFitResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| signal | budget | model | parameters | metric | score | Chamfer | steps | seconds |");
        text.AppendLine("|---|---:|---|---:|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Signal} | {r.Budget} | {r.Model} | {r.Parameters} | {r.Metric} | {r.Score:F3} | {(r.Chamfer is { } c ? c.ToString("F4", CultureInfo.InvariantCulture) : "")} | {r.Steps} | {r.Seconds:F1} |"));
        }
        return text.ToString();
    }
}
