using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Fno;
using Workbench.Spectral.Fourier;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Fno;

/// <summary>The spectral conv under the 'forward' normalisation onto another grid (SFNO's time resampling).</summary>
public sealed class SpectralConvResamplingTests
{
    private static SpectralConv Identity(int modesX, int modesY, int modesT)
    {
        var weights = zeros([2L * modesX, 2L * modesY, modesT, 1, 1, 2], ScalarType.Float64);
        weights.select(-1, 0).fill_(1.0);
        return new SpectralConv(weights, FFTNormType.Forward);
    }

    [Fact]
    public void UnitWeightsOnEveryModeAreTrigonometricInterpolationInTime()
    {
        // An odd number of frames has no Nyquist term, so keeping every mode with weight 1 is exactly Fourier resampling.
        var x = GradientCheck.Random(1, 2, 1, 8, 6, 5);
        var layer = Identity(4, 3, 3);
        foreach (var steps in new long[] { 5, 9, 12 })
            SpectralFixtures.AssertClose(FourierResampling.Resample(x, [-1], [steps]), layer.forward(x, [8, 6, steps]), 1e-12);
    }

    [Fact]
    public void KeptModesAreScaledByTheirWeightAndTheRestDropped()
    {
        // One complex weight c on the wavenumber (kx, ky, kt) = (1, -2, 1); all others zero.
        var weights = zeros([4, 6, 2, 1, 1, 2], ScalarType.Float64);
        weights[1, 4, 1, 0, 0, 0] = 0.5;   // row 1 = kx 1; column 4 of 2 m_y = 6 is ky = -2
        weights[1, 4, 1, 0, 0, 1] = -1.5;
        var layer = new SpectralConv(weights, FFTNormType.Forward);
        var n = 8L;
        var grid = arange(n, ScalarType.Float64).mul(2 * Math.PI / n);
        var (x, y, t) = (grid.reshape(n, 1, 1), grid.reshape(1, n, 1), grid.reshape(1, 1, n));
        var kept = (x - y * 2 + t).cos();
        var dropped = (x * 3 + t * 2).sin() + (y + t).cos();
        var output = layer.forward((kept + dropped).reshape(1, 1, n, n, n));
        // c e^{i phase} / 2 + conj: Re(c e^{i phase}) = 0.5 cos(phase) + 1.5 sin(phase).
        var expected = (x - y * 2 + t).cos() * 0.5 + (x - y * 2 + t).sin() * 1.5;
        SpectralFixtures.AssertClose(expected.reshape(1, 1, n, n, n), output, 1e-12);
    }

    [Fact]
    public void ChannelMajorDrawsAreStoredModeMajor()
    {
        var drawn = GradientCheck.Random(2, 2, 3, 4, 6, 2, 2);
        var layer = SpectralConv.FromChannelMajor(drawn, FFTNormType.Forward);
        Assert.Equal(new long[] { 4, 6, 2, 2, 3, 2 }, layer.Weight.shape);
        Assert.Equal(new long[] { 2, 3, 2 }, layer.Modes);
        Assert.Equal(drawn[1, 2, 3, 5, 1, 0].item<double>(), layer.Weight[3, 5, 1, 1, 2, 0].item<double>());
    }

    [Fact]
    public void SmallGridsKeepTheModesTheyCanHold()
    {
        var layer = SpectralConv.FromChannelMajor(randn([2, 3, 12, 12, 4, 2]), FFTNormType.Forward);
        Assert.Equal(new long[] { 1, 3, 4, 6, 7 }, layer.forward(randn([1, 2, 4, 6, 3]), [4, 6, 7]).shape);
        var error = Assert.Throws<ArgumentException>(() => layer.forward(randn([1, 1, 4, 6, 3])));
        Assert.Contains("expected input [B, 2, 3 spatial sizes]", error.Message);
        Assert.Contains("full axes need at least 2 points", Assert.Throws<ArgumentException>(() => layer.forward(randn([1, 2, 1, 6, 3]))).Message);
    }

    [Fact]
    public void OnlyTheForwardNormalisationResamples()
    {
        var layer = new SpectralConv(2, 2, [2, 2], FnoInit.Naive, [8, 8]);
        Assert.Throws<InvalidOperationException>(() => layer.forward(randn([1, 2, 8, 8]), [8, 12]));
    }
}
