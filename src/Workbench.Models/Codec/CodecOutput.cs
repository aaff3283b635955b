using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>What a learned codec's forward pass gives the rate-distortion loss: the reconstruction and both latents' likelihoods.</summary>
public sealed record CodecOutput(Tensor Reconstruction, Tensor YLikelihoods, Tensor ZLikelihoods) : IDisposable
{
    public void Dispose()
    {
        Reconstruction.Dispose();
        YLikelihoods.Dispose();
        ZLikelihoods.Dispose();
    }
}
