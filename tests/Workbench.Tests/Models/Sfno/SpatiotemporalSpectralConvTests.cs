using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Sfno;
using Workbench.Spectral.Fourier;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Sfno;

public sealed class SpatiotemporalSpectralConvTests
{
    private static SpatiotemporalSpectralConv Identity(int modesX, int modesY, int modesT)
    {
        var weights = zeros([1, 1, 2L * modesX, 2L * modesY, modesT, 2], ScalarType.Float64);
        weights.select(-1, 0).fill_(1.0);
        return new SpatiotemporalSpectralConv(weights);
    }

    [Fact]
    public void UnitWeightsOnEveryModeAreTrigonometricInterpolationInTime()
    {
        // An odd number of frames has no Nyquist term, so keeping every mode with weight 1 is exactly Fourier resampling.
        var x = GradientCheck.Random(1, 2, 1, 8, 6, 5);
        var layer = Identity(4, 3, 3);
        foreach (var steps in new long[] { 5, 9, 12 })
            SpectralFixtures.AssertClose(FourierResampling.Resample(x, [-1], [steps]), layer.forward(x, steps), 1e-12);
    }

    [Fact]
    public void KeptModesAreScaledByTheirWeightAndTheRestDropped()
    {
        // One complex weight c on the wavenumber (kx, ky, kt) = (1, -2, 1); all others zero.
        var weights = zeros([1, 1, 4, 6, 2, 2], ScalarType.Float64);
        weights[0, 0, 1, 4, 1, 0] = 0.5;   // row 1 = kx 1; column 4 of 2 m_y = 6 is ky = -2
        weights[0, 0, 1, 4, 1, 1] = -1.5;
        var layer = new SpatiotemporalSpectralConv(weights);
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
    public void SmallGridsKeepTheModesTheyCanHold()
    {
        var layer = new SpatiotemporalSpectralConv(2, 3, 6, 6, 4);
        Assert.Equal(new long[] { 1, 3, 4, 6, 7 }, layer.forward(randn([1, 2, 4, 6, 3]), 7).shape);
        var error = Assert.Throws<WorkbenchException>(() => layer.forward(randn([1, 1, 4, 6, 3])));
        Assert.Contains("expected input [B, 2, X >= 2, Y >= 2, T]", error.Message);
    }
}
