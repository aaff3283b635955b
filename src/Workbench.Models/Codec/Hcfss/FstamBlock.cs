using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Frequency-aware Swin-Transformer attention module (FSTAM) on [B, C, H, W]: <see cref="Afmm"/>, then a residual
/// <see cref="WindowAttention"/>.
/// </summary>
public sealed class FstamBlock : nn.Module<Tensor, Tensor>
{
    private readonly Afmm afmm;
    private readonly WindowAttention attention;

    public FstamBlock(int channels, HcfssnetOptions options) : base(nameof(FstamBlock))
    {
        afmm = new Afmm(channels, options.FrequencyWindow, options.ModulationHidden);
        attention = new WindowAttention(channels, options.AttentionWindow, options.AttentionHeads);
        RegisterComponents();
    }

    /// <summary>Makes the block the identity (up to the DCT's rounding): unit frequency gains, a silent attention branch.</summary>
    public void StartAsIdentity()
    {
        afmm.StartAsIdentity();
        attention.SilenceOutput();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var modulated = afmm.forward(x);
        return (modulated + attention.forward(modulated)).MoveToOuterDisposeScope();
    }
}
