using TorchSharp;
using TorchSharp.Modules;
using Workbench.Models.Operators.Fno;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Sfno;

/// <summary>Two pointwise linear maps over the channel axis with a GELU between: c_in -> hidden -> c_out.</summary>
public sealed class PointwiseFeedForward : nn.Module<Tensor, Tensor>
{
    private readonly Conv3d first;
    private readonly Conv3d second;

    public PointwiseFeedForward(int inChannels, int hidden, int outChannels) : base(nameof(PointwiseFeedForward))
    {
        first = nn.Conv3d(inChannels, hidden, 1);
        second = nn.Conv3d(hidden, outChannels, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        PointwiseLinear.Apply(second, nn.functional.gelu(PointwiseLinear.Apply(first, x)));
}
