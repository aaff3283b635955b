using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using Workbench.Core.Progress;
using Workbench.Training.Engine;
using Workbench.Training.Runs;
using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>
/// One fit in a standard run folder (an <see cref="InrTask"/> run by the <see cref="TrainingEngine"/>): config.json,
/// metrics.jsonl with a line per scored round, checkpoints/last.ckpt with Adam's state and NSTR's subset generator, and,
/// once every step is taken, result.json (the <see cref="InrFitResult"/>). A run stopped by a signal or a time budget
/// resumes exactly: split and uninterrupted fits end with the same weights bit for bit on the CPU.
/// </summary>
public static class InrRun
{
    public static string ResultPath(RunFolder run) => Path.Combine(run.Root, "result.json");

    /// <summary>
    /// Fits <paramref name="config"/> to <paramref name="signal"/> (loaded from the config's scale, on <paramref name="device"/>)
    /// in <paramref name="run"/>, continuing it when <paramref name="resume"/> (the run's config must be this one). Returns
    /// null when the time budget stopped the fit; otherwise writes result.json and hands the fitted model to
    /// <paramref name="fitted"/> before disposing it.
    /// </summary>
    public static InrFitResult? Fit(InrFitConfig config, InrSignal signal, RunFolder run, bool resume, Device device, IProgressSink progress,
        double? maxSeconds = null, Action<nn.Module<Tensor, Tensor>>? fitted = null)
    {
        var json = config.Serialize();
        if (resume) RefuseOtherConfig(run, json);
        else TrainingEngine.RefuseExisting(run);
        using var task = new InrTask(config.Name, signal, config.Model, config.Budget, config.Settings, config.Scale.Seed, config.Nstr);
        var summary = new TrainingEngine(device, progress).Run(task, run, resume, json, maxSeconds);
        if (summary.ContainsKey("stopped_by")) return null;
        var result = task.Result(run.ReadMetrics().Select(line => ((long)line["step"]!, Metrics(line))));
        AtomicFile.WriteAllText(ResultPath(run), JsonSerializer.Serialize(result, InrJson.Options) + "\n");
        fitted?.Invoke(task.Fitted);
        return result;
    }

    /// <summary>Refuses to continue a run folder that holds another fit (or none).</summary>
    public static void RefuseOtherConfig(RunFolder run, string json)
    {
        if (!File.Exists(run.ConfigPath)) throw new WorkbenchException($"{run.Root}: not a run folder (config.json missing)");
        if (File.ReadAllText(run.ConfigPath).Trim() != json.Trim())
            throw new WorkbenchException($"{run.Root}: holds a fit with another configuration (see its config.json); resume it with its own settings or choose another folder");
    }

    private static IReadOnlyDictionary<string, double> Metrics(JsonObject line) =>
        new[] { "score", "loss", "fit_seconds" }.ToDictionary(key => key, key => (double)line[key]!);
}
