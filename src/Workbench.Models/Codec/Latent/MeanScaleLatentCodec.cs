using static TorchSharp.torch;

namespace Workbench.Models.Codec.Latent;

/// <summary>
/// The mean-scale hyperprior's latent codec (Minnen et al. 2018 without the autoregressive context): z = h_a(y) coded
/// by the <see cref="EntropyBottleneck"/> (stream 0); the deterministic trunk of the hyper-synthesis on the decoded z
/// feeds the scale head and the mean head; round(y - mu) is coded by the <see cref="GaussianConditional"/> under the
/// scales (stream 1), and y_hat = round(y - mu) + mu. The means come from the same fixed-order double evaluation on
/// both sides and y_hat is formed in doubles, so encoder and decoder agree bit for bit. z has 1 /
/// <paramref name="hyperStride"/> of y's height and width.
/// </summary>
public sealed class MeanScaleLatentCodec(
    Func<Tensor, Tensor> hyperAnalysis, EntropyBottleneck bottleneck, DeterministicHyperSynthesis trunk, DeterministicHyperSynthesis scaleHead,
    DeterministicHyperSynthesis meanHead, int latentChannels, int hyperStride)
    : ILatentCodec
{
    public int StreamCount => 2;

    public IReadOnlyList<byte[]> Compress(Tensor y)
    {
        using var scope = NewDisposeScope();
        var z = hyperAnalysis(y);
        var (zStream, zHat) = bottleneck.Compress(z);
        var (scales, means) = Parameters(zHat, (int)z.shape[2], (int)z.shape[3]);
        var latent = y.cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();
        var symbols = new int[latent.Length];
        for (var i = 0; i < symbols.Length; i++) symbols[i] = checked((int)Math.Round(latent[i] - means[i]));
        return [zStream, GaussianConditional.Compress(symbols, scales)];
    }

    public Tensor Decompress(IReadOnlyList<byte[]> streams, int height, int width)
    {
        var (zh, zw) = (height / hyperStride, width / hyperStride);
        var (scales, means) = Parameters(bottleneck.Decompress(streams[0], zh, zw), zh, zw);
        var symbols = GaussianConditional.Decompress(streams[1], scales);
        var yHat = new double[symbols.Length];
        for (var i = 0; i < yHat.Length; i++) yHat[i] = symbols[i] + means[i];
        return tensor(yHat, [1, latentChannels, height, width]);
    }

    private (double[] Scales, double[] Means) Parameters(double[] zHat, int height, int width)
    {
        var (features, channels, h, w) = trunk.Evaluate(zHat, bottleneck.Channels, height, width);
        return (scaleHead.Evaluate(features, channels, h, w).Values, meanHead.Evaluate(features, channels, h, w).Values);
    }
}
