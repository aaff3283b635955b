using TorchSharp;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;
using static Workbench.Tests.Spectral.SpectralFixtures;

namespace Workbench.Tests.Spectral;

public class EnergyRankedModesTests
{
    [Fact]
    public void PicksTheModesCarryingTheMostEnergyIncludingNegativeWavenumbers()
    {
        const int n = 16;
        var x = arange(n, ScalarType.Float64).div(n);
        var xx = x.unsqueeze(1);
        var yy = x.unsqueeze(0);
        var amplitude = GradientCheck.Random(9, 6, 1, 1).abs() + 1;
        var fields = amplitude * (3 * cos(2 * Math.PI * (-5 * xx + 2 * yy)) + 2 * cos(2 * Math.PI * (7 * yy)) + 1.0 * cos(2 * Math.PI * (xx + 3 * yy)))
                     + 0.01 * GradientCheck.Random(10, 6, n, n);
        var spectra = fft.rfft2(fields);
        var set = EnergyRankedModes.Select(spectra, spectralRank: 2, count: 3, lastAxisHalf: true);
        Assert.Equal(new long[] { -5, 2 }, set.Mode(0));
        Assert.Equal(new long[] { 0, 7 }, set.Mode(1));
        Assert.Equal(new long[] { 1, 3 }, set.Mode(2));

        var values = set.Gather(spectra);
        Assert.Equal(new long[] { 6, 3 }, values.shape);
        AssertClose(spectra[.., 11, 2], values[.., 0], 0);

        var onFinerGrid = set.Scatter(values, new long[] { 24, 13 });
        AssertClose(spectra[.., 11, 2], onFinerGrid[.., 19, 2], 0);
        Assert.Equal(3 * 6, onFinerGrid.abs().gt(0).sum().item<long>());
    }
}
