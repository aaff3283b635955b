using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Core.Progress;
using Workbench.Training.Config;
using Workbench.Training.Runs;

namespace Workbench.Training.Engine;

/// <summary>
/// Trains an operator or nowcasting experiment into a run folder (an <see cref="OperatorTask"/> run by the
/// <see cref="TrainingEngine"/>); a run resumed from its last checkpoint reproduces the uninterrupted run bit for bit on
/// the CPU.
/// </summary>
/// <param name="deviceRequest">What chose <paramref name="device"/> (the command line or the config), for the summary.</param>
public sealed class Trainer(torch.Device device, IProgressSink progress, string? deviceRequest = null)
{
    /// <summary><paramref name="maxSeconds"/> ends the run, saved and resumable, after the epoch that reaches that much training time.</summary>
    public JsonObject Train(ExperimentConfig config, RunFolder run, bool resume, double? maxSeconds = null)
    {
        if (!resume) TrainingEngine.RefuseExisting(run);
        using var task = OperatorTask.Create(config, device);
        return new TrainingEngine(device, progress, deviceRequest).Run(task, run, resume, ExperimentConfigLoader.Serialize(config), maxSeconds);
    }
}
