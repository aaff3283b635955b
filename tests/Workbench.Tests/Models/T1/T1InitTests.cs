using TorchSharp;
using Workbench.Models.Operators.T1;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.T1;

[Collection(Training.TrainingRunCollection.Name)]
public class T1InitTests
{
    /// <summary>
    /// White noise [B, c, N, N] through the transform, eight layers of per-mode channel mixing with the model's initial
    /// weights, and the inverse: the ratio of output to input variance.
    /// </summary>
    private static double VarianceRatio(SpectralInit init, T1Transform transform, int layers = 8)
    {
        manual_seed(3);
        const int n = 64, width = 32;
        var options = new T1Options(InChannels: 1, Width: width, Modes1: 12, Modes2: 12, Layers: layers, Transform: transform, Init: init, InitResolution: n);
        var model = new T1Operator(options);
        using var _ = no_grad();
        var x = randn(16, width, n, n, generator: new Generator(7));
        var z = model.Transform.Forward(x);
        foreach (var layer in model.Layers) z = einsum("bixy,ioxy->boxy", z, layer.ChannelMixing);
        var y = model.Transform.Inverse(z, n, n);
        return y.var().item<float>() / x.var().item<float>();
    }

    [Theory]
    [InlineData(T1Transform.Dct)]
    [InlineData(T1Transform.Dft)]
    public void FirstLayerVariancePreservingInitKeepsVarianceThroughEightLayers(T1Transform transform)
    {
        var ratio = VarianceRatio(SpectralInit.VariancePreservingFirstLayer, transform);
        Assert.InRange(ratio, 0.8, 1.2);
    }

    /// <summary>
    /// The released scheme gives every layer std sqrt(N / (c m)): the first restores the variance, each later one acts on
    /// a field already confined to the m retained modes and multiplies its variance by N / m.
    /// </summary>
    [Theory]
    [InlineData(T1Transform.Dct, 64.0 * 64 / (12 * 12))]
    [InlineData(T1Transform.Dft, 64.0 * 64 / (23 * 23))]
    public void ReleasedVariancePreservingInitMultipliesTheVarianceByNOverMInLaterLayers(T1Transform transform, double nOverM)
    {
        var ratio = VarianceRatio(SpectralInit.VariancePreserving, transform, layers: 2);
        Assert.InRange(ratio / nOverM, 0.8, 1.2);
    }

    [Fact]
    public void NaiveInitCollapsesTheVariance()
    {
        Assert.True(VarianceRatio(SpectralInit.Naive, T1Transform.Dct) < 1e-6);
    }

    [Fact]
    public void VariancePreservingStdFollowsTheModeCount()
    {
        var options = new T1Options(Width: 48, Modes1: 24, Modes2: 24, InitResolution: 64);
        Assert.Equal(Math.Sqrt(64.0 * 64 / (48 * 24 * 24)), T1Operator.ChannelStd(options, 0), 12);
        Assert.Equal(Math.Sqrt(64.0 * 64 / (48 * 24 * 24)), T1Operator.ChannelStd(options, 1), 12);
        var firstLayerOnly = options with { Init = SpectralInit.VariancePreservingFirstLayer };
        Assert.Equal(Math.Sqrt(64.0 * 64 / (48 * 24 * 24)), T1Operator.ChannelStd(firstLayerOnly, 0), 12);
        Assert.Equal(Math.Sqrt(1.0 / 48), T1Operator.ChannelStd(firstLayerOnly, 1), 12);
    }
}
