using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// What <see cref="ImageCodec"/> needs from a learned codec with a hyperprior: y = Analysis(x) with M channels at stride
/// 16, z = HyperAnalysis(y) with N channels at stride 64 coded by the <see cref="EntropyBottleneck"/>, the scales of y
/// from <see cref="HyperSynthesis"/> (plain convolutions and ReLUs, which the decoder re-evaluates deterministically on
/// the CPU), and x_hat = Synthesis(y_hat). forward gives the training-time output: z through the entropy bottleneck,
/// y perturbed by uniform noise in training and rounded in evaluation, the Gaussian likelihoods of y under the scales.
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

    public override CodecOutput forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = Analysis(x);
        var (zHat, zLikelihoods) = EntropyBottleneck.forward(HyperAnalysis(y));
        var scales = HyperSynthesis.forward(zHat);
        var yHat = training ? y + (rand_like(y) - 0.5) : y.round();
        var yLikelihoods = GaussianConditional.Likelihood(yHat, scales);
        return new CodecOutput(Synthesis(yHat).MoveToOuterDisposeScope(), yLikelihoods.MoveToOuterDisposeScope(), zLikelihoods.MoveToOuterDisposeScope());
    }

    /// <summary>Refuses anything but RGB batches [B, 3, H, W] with H and W multiples of the padding unit.</summary>
    protected static void CheckInput(Tensor x, string model)
    {
        if (x.dim() != 4 || x.shape[1] != 3 || x.shape[2] % ScaleHyperpriorOptions.PadMultiple != 0 || x.shape[3] % ScaleHyperpriorOptions.PadMultiple != 0)
            throw new WorkbenchException($"{model}: expected [B, 3, H, W] with H and W multiples of {ScaleHyperpriorOptions.PadMultiple}, got [{string.Join(", ", x.shape)}].");
    }
}
