using TorchSharp;
using TorchSharp.Modules;
using Workbench.Models.Layers;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.UNet;

/// <summary>Two 3x3 convolutions, each followed by GroupNorm and GELU.</summary>
public sealed class DoubleConv : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1, conv2;
    private readonly GroupNormalization norm1, norm2;

    public DoubleConv(int inChannels, int outChannels, int groups) : base(nameof(DoubleConv))
    {
        conv1 = nn.Conv2d(inChannels, outChannels, 3, padding: 1);
        norm1 = new GroupNormalization(groups, outChannels);
        conv2 = nn.Conv2d(outChannels, outChannels, 3, padding: 1);
        norm2 = new GroupNormalization(groups, outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.gelu(norm1.forward(conv1.forward(x)));
        return nn.functional.gelu(norm2.forward(conv2.forward(h))).MoveToOuterDisposeScope();
    }
}
