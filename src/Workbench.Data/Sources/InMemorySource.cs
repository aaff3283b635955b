using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Data.Sources;

/// <summary>A dataset held as two CPU tensors [N, ...].</summary>
public sealed class InMemorySource : ISampleSource
{
    private readonly Tensor _inputs;
    private readonly Tensor _targets;

    public InMemorySource(Tensor inputs, Tensor targets, string description)
    {
        if (inputs.shape[0] != targets.shape[0])
            throw new ArgumentException($"inputs hold {inputs.shape[0]} samples but targets hold {targets.shape[0]}");
        _inputs = inputs.to(float32).cpu().DetachFromDisposeScope();
        _targets = targets.to(float32).cpu().DetachFromDisposeScope();
        Description = description;
    }

    public string Description { get; }
    public long Count => _inputs.shape[0];
    public long[] InputShape => _inputs.shape[1..];
    public long[] TargetShape => _targets.shape[1..];

    public (Tensor Inputs, Tensor Targets) Load(IReadOnlyList<long> indices)
    {
        using var index = tensor(indices.ToArray(), int64);
        return (_inputs.index_select(0, index), _targets.index_select(0, index));
    }

    public void Dispose()
    {
        _inputs.Dispose();
        _targets.Dispose();
    }
}
