using TorchSharp;

namespace Workbench.Training.Interop;

/// <summary>How a model's workbench parameter names and layouts translate to a PyTorch module's, both ways.</summary>
public interface IStateDictNaming
{
    Dictionary<string, torch.Tensor> ToPyTorch(Dictionary<string, torch.Tensor> tensors);

    /// <summary>The inverse of <see cref="ToPyTorch"/> on the tensors it produced; names it does not know pass unchanged.</summary>
    Dictionary<string, torch.Tensor> FromPyTorch(Dictionary<string, torch.Tensor> tensors);
}

/// <summary>Models whose workbench names are already PyTorch's (the codecs, every operator but the FNO).</summary>
public sealed class SameNames : IStateDictNaming
{
    public Dictionary<string, torch.Tensor> ToPyTorch(Dictionary<string, torch.Tensor> tensors) => tensors;

    public Dictionary<string, torch.Tensor> FromPyTorch(Dictionary<string, torch.Tensor> tensors) => tensors;
}
