using TorchSharp;

namespace Workbench.Data.Sources;

/// <summary>
/// A supervised dataset addressed by sample index: <c>Load</c> returns float32 inputs and targets of shape
/// [B, ...sampleShape] on the CPU for the given indices, in the given order.
/// </summary>
public interface ISampleSource : IDisposable
{
    string Description { get; }
    long Count { get; }
    long[] InputShape { get; }
    long[] TargetShape { get; }
    (torch.Tensor Inputs, torch.Tensor Targets) Load(IReadOnlyList<long> indices);
}
