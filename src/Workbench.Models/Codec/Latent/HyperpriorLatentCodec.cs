using static TorchSharp.torch;

namespace Workbench.Models.Codec.Latent;

/// <summary>
/// The zero-mean hyperprior's latent codec: z = h_a(y) coded by the <see cref="EntropyBottleneck"/> (stream 0), the
/// scales of y from the deterministic hyper-synthesis of the decoded z, then round(y) coded by the
/// <see cref="GaussianConditional"/> under those scales (stream 1). z has 1 / <paramref name="hyperStride"/> of y's
/// height and width.
/// </summary>
public sealed class HyperpriorLatentCodec(
    Func<Tensor, Tensor> hyperAnalysis, EntropyBottleneck bottleneck, DeterministicHyperSynthesis hyperSynthesis, int latentChannels, int hyperStride)
    : ILatentCodec
{
    public int StreamCount => 2;

    public IReadOnlyList<byte[]> Compress(Tensor y)
    {
        using var scope = NewDisposeScope();
        var z = hyperAnalysis(y);
        var (zStream, zHat) = bottleneck.Compress(z);
        var scales = Scales(zHat, (int)z.shape[2], (int)z.shape[3]);
        var symbols = y.round().cpu().to(ScalarType.Int32).data<int>().ToArray();
        return [zStream, GaussianConditional.Compress(symbols, scales)];
    }

    public Tensor Decompress(IReadOnlyList<byte[]> streams, int height, int width)
    {
        var (zh, zw) = (height / hyperStride, width / hyperStride);
        var scales = Scales(bottleneck.Decompress(streams[0], zh, zw), zh, zw);
        return tensor(GaussianConditional.Decompress(streams[1], scales), [1, latentChannels, height, width]);
    }

    private double[] Scales(double[] zHat, int height, int width) => hyperSynthesis.Evaluate(zHat, bottleneck.Channels, height, width).Values;
}
