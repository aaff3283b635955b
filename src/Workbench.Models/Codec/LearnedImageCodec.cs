using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// What <see cref="ImageCodec"/> needs from a learned codec with a hyperprior: y = Analysis(x) with M channels at stride
/// 16, z = HyperAnalysis(y) with N channels at stride 64 coded by the <see cref="EntropyBottleneck"/>, the scales of y
/// from <see cref="HyperSynthesis"/> (plain convolutions and ReLUs, which the decoder re-evaluates deterministically on
/// the CPU), and x_hat = Synthesis(y_hat). forward gives the training-time output (noisy latents, likelihoods).
/// </summary>
public abstract class LearnedImageCodec : nn.Module<Tensor, CodecOutput>
{
    protected LearnedImageCodec(string name) : base(name)
    {
    }

    /// <summary>The identifier written into codec files.</summary>
    public abstract CodecModelId Id { get; }

    /// <summary>Channels N of z (the side information).</summary>
    public abstract int HyperChannels { get; }

    /// <summary>Channels M of y (the latent).</summary>
    public abstract int LatentChannels { get; }

    public abstract EntropyBottleneck EntropyBottleneck { get; }

    /// <summary>The hyper-synthesis layers in order (for the deterministic CPU evaluation the decoder uses).</summary>
    internal abstract Sequential HyperSynthesis { get; }

    public abstract Tensor Analysis(Tensor x);

    public abstract Tensor HyperAnalysis(Tensor y);

    public abstract Tensor Synthesis(Tensor yHat);

    public Tensor HyperSynthesisTorch(Tensor zHat) => HyperSynthesis.forward(zHat);
}
