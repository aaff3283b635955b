using TorchSharp;

namespace Workbench.Models;

/// <summary>
/// A model that defines its own training loss (terms on internal components, weights that follow the optimiser step),
/// returned per sample [B]. Evaluation still scores the plain forward output.
/// </summary>
public interface ITrainingObjective
{
    torch.Tensor TrainingLossPerSample(torch.Tensor input, torch.Tensor target, long step);
}
