using TorchSharp;

namespace Workbench.Models;

/// <summary>
/// A model that can score itself against a target in its own transform domain, equal to the physical-space relative
/// L2 of its output but without the inverse transform (T1's "train against the transformed target").
/// </summary>
public interface IFrequencyDomainLoss
{
    torch.Tensor RelativeL2PerSample(torch.Tensor input, torch.Tensor target);
}
