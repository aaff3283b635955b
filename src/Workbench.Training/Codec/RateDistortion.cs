using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Training.Codec;

/// <summary>
/// The codec training objective: loss = lambda 255^2 MSE + bpp, with bpp the estimated bits of both latent streams per
/// pixel of the batch <c>x</c> ([B, 3, H, W] in [0, 1]).
/// </summary>
public sealed record RateDistortion(Tensor Loss, Tensor Bpp, Tensor Mse)
{
    public static RateDistortion Of(CodecOutput output, Tensor x, double lambda)
    {
        var pixels = (double)x.shape[0] * x.shape[2] * x.shape[3];
        var bpp = -(output.YLikelihoods.log2().sum() + output.ZLikelihoods.log2().sum()) / pixels;
        var mse = (output.Reconstruction - x).square().mean();
        return new RateDistortion(lambda * 255 * 255 * mse + bpp, bpp, mse);
    }
}
