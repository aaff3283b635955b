using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Layers;

/// <summary>
/// 3x3 stride-1 zero-padded convolution as unfold + matrix product. Same parameters (weight [out, in, 3, 3], bias
/// [out]) and default init as Conv2d, but libtorch-cpu 2.10's 3x3 Conv2d backward returned non-finite input gradients
/// at random on 4x4 feature maps on these machines, which killed training runs.
/// </summary>
public sealed class SameConv3x3 : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;

    public SameConv3x3(long input, long output) : base(nameof(SameConv3x3))
    {
        var bound = 1 / Math.Sqrt(input * 9);
        weight = nn.Parameter((rand(output, input, 3, 3) * 2 - 1) * bound);
        bias = nn.Parameter((rand(output) * 2 - 1) * bound);
        RegisterComponents();
    }

    public Tensor Weight => weight;

    public Tensor Bias => bias;

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (batch, height, width) = (x.shape[0], x.shape[2], x.shape[3]);
        var columns = nn.functional.unfold(x, 3, padding: 1);
        var output = matmul(weight.reshape(weight.shape[0], -1), columns) + bias.reshape(-1, 1);
        return output.reshape(batch, weight.shape[0], height, width).MoveToOuterDisposeScope();
    }
}
