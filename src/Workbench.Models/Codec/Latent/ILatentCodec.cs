using static TorchSharp.torch;

namespace Workbench.Models.Codec.Latent;

/// <summary>
/// Codes the latent y of an image codec ([1, M, h, w], the analysis transform's output) into byte streams and decodes
/// them to the quantised latent y_hat. Implementations compose entropy models (an <see cref="EntropyBottleneck"/> for
/// side information, the <see cref="GaussianConditional"/> for y) with whatever predicts y's distribution.
/// </summary>
public interface ILatentCodec
{
    /// <summary>How many streams <see cref="Compress"/> writes.</summary>
    int StreamCount { get; }

    IReadOnlyList<byte[]> Compress(Tensor y);

    /// <summary>y_hat [1, M, h, w] on the CPU (int32 symbols, float64 where they are offset by means) from the streams <see cref="Compress"/> wrote.</summary>
    Tensor Decompress(IReadOnlyList<byte[]> streams, int height, int width);
}
