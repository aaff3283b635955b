using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Vision frequency state space (VFSS) block on [B, C, H, W]: AFMM(x + cnn(x) + VONSS(x)), where the CNN branch
/// (depthwise 3x3, GELU, 1x1) keeps local high-frequency structure and <see cref="Vonss"/> adds long-range context.
/// </summary>
public sealed class VfssBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential cnn;
    private readonly Vonss vonss;
    private readonly Afmm afmm;

    public VfssBlock(int channels, HcfssnetOptions options) : base(nameof(VfssBlock))
    {
        cnn = nn.Sequential(nn.Conv2d(channels, channels, 3, padding: 1, groups: channels), nn.GELU(), nn.Conv2d(channels, channels, 1));
        vonss = new Vonss(channels, options);
        afmm = new Afmm(channels, options.FrequencyWindow, options.ModulationHidden);
        RegisterComponents();
    }

    /// <summary>Makes the block the identity (up to the DCT's rounding): both branches silent, unit frequency gains.</summary>
    public void StartAsIdentity()
    {
        using var _ = no_grad();
        var last = (Conv2d)cnn.children().Last();
        last.weight!.zero_();
        last.bias!.zero_();
        vonss.SilenceOutput();
        afmm.StartAsIdentity();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return afmm.forward(x + cnn.forward(x) + vonss.forward(x)).MoveToOuterDisposeScope();
    }
}
