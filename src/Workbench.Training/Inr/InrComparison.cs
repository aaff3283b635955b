using System.Globalization;
using System.Text;
using Workbench.Core.Progress;
using Workbench.Core.Runtime;
using Workbench.Models.Inr;

namespace Workbench.Training.Inr;

/// <summary>Every task x model x budget, each model sized by <see cref="ParameterBudget"/> and trained for the same steps from the same seed.</summary>
public static class InrComparison
{
    public static List<InrFitResult> Run(TorchSharp.torch.Device device, InrTaskScale scale, IReadOnlyList<string> tasks, IReadOnlyList<InrKind> models, IReadOnlyList<long> budgets,
        InrFitSettings settings, IProgressSink? progress = null, Action<InrFitResult>? finished = null,
        Func<NstrOptions, NstrOptions>? nstrChoices = null)
    {
        var results = new List<InrFitResult>();
        foreach (var task in tasks)
        {
            var signal = scale.Load(task).To(device);
            foreach (var budget in budgets)
            foreach (var kind in models)
            {
                var result = FitOne(signal, kind, budget, settings, scale.Seed, progress, nstrChoices);
                results.Add(result);
                finished?.Invoke(result);
            }
        }
        return results;
    }

    public static InrFitResult FitOne(InrSignal signal, InrKind kind, long budget, InrFitSettings settings, long seed, IProgressSink? progress = null,
        Func<NstrOptions, NstrOptions>? nstrChoices = null)
    {
        var result = FitOne(signal, kind, budget, settings, seed, progress, nstrChoices, out var trained);
        trained.Dispose();
        return result;
    }

    /// <summary>As above, also handing back the trained model (the caller disposes it).</summary>
    public static InrFitResult FitOne(InrSignal signal, InrKind kind, long budget, InrFitSettings settings, long seed, IProgressSink? progress,
        Func<NstrOptions, NstrOptions>? nstrChoices, out TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor> trained)
    {
        var options = ParameterBudget.Options(kind, InrTaskScale.ShapeOf(signal), budget, nstrChoices);
        using var generator = Determinism.Generator(seed, $"inr-{kind}");
        trained = InrFactory.Build(options, generator);
        return InrFitter.Fit(kind, trained, budget, signal, settings, progress);
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
