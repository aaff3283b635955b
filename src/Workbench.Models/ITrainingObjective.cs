using TorchSharp;

namespace Workbench.Models;

/// <summary>
/// A model that defines its own training loss (terms on internal components, weights that follow the optimiser step),
/// returned per sample [B]. Evaluation still scores the plain forward output.
/// </summary>
public interface ITrainingObjective
{
    /// <param name="reconstruction">The experiment's loss per sample, for the term that compares the forecast with the target.</param>
    torch.Tensor TrainingLossPerSample(torch.Tensor input, torch.Tensor target, long step,
        Func<torch.Tensor, torch.Tensor, torch.Tensor> reconstruction);
}
