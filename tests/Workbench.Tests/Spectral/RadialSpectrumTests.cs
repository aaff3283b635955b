using TorchSharp;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;
using static Workbench.Tests.Spectral.SpectralFixtures;

namespace Workbench.Tests.Spectral;

public class RadialSpectrumTests
{
    [Fact]
    public void ShellSumsAndMeansMatchNumpyBinning()
    {
        foreach (var c in Get("radial").EnumerateArray())
        {
            var w = Real(c.GetProperty("w"));
            var sums = Real(c.GetProperty("sum"));
            AssertClose(sums, RadialSpectrum.Compute(w), 1e-12);
            AssertClose(sums / Real(c.GetProperty("counts")), RadialSpectrum.Compute(w, ShellReduction.Mean), 1e-12);
        }
    }

    [Fact]
    public void ShellSumsAddUpToTheMeanSquare()
    {
        var w = GradientCheck.Random(11, 3, 10, 12);
        AssertClose(w.square().mean(new long[] { -2, -1 }), RadialSpectrum.Compute(w).sum(-1), 1e-12);
    }

    [Fact]
    public void SingleModeFallsInItsShell()
    {
        const int n = 16;
        var x = arange(n, ScalarType.Float64).div(n);
        var w = 2 * cos(2 * Math.PI * (3 * x.unsqueeze(1) + 4 * x.unsqueeze(0)));
        var spectrum = RadialSpectrum.Compute(w);
        Assert.Equal(2.0, spectrum[5].item<double>(), 12);
        Assert.Equal(2.0, spectrum.sum().item<double>(), 12);
    }
}
