using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.T1;

/// <summary>
/// T1's pointwise lift, weight [Width, C + 2] and bias [Width], held as a module so that its checkpoint keys read
/// lift.weight and lift.bias like a PyTorch linear layer. T1 applies it in the transform domain itself.
/// </summary>
internal sealed class PointwiseLift : nn.Module
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    public PointwiseLift(Tensor weight, Tensor bias) : base(nameof(PointwiseLift))
    {
        this.weight = nn.Parameter(weight);
        this.bias = nn.Parameter(bias);
        RegisterComponents();
    }

    public Parameter Weight => weight;
    public Parameter Bias => bias;
}
