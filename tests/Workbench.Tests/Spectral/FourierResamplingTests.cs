using TorchSharp;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;
using static Workbench.Tests.Spectral.SpectralFixtures;

namespace Workbench.Tests.Spectral;

public class FourierResamplingTests
{
    /// <summary>A real trig polynomial band-limited to |k| &lt;= 3 in x and y, plus a cos term at wavenumber 4 in x.</summary>
    private static Tensor Field(long nx, long ny)
    {
        var x = arange(nx, ScalarType.Float64).div(nx).unsqueeze(1);
        var y = arange(ny, ScalarType.Float64).div(ny).unsqueeze(0);
        return 0.3 + cos(2 * Math.PI * (x + 2 * y) + 0.4) - 0.7 * sin(2 * Math.PI * (3 * x - y))
               + 0.5 * sin(2 * Math.PI * 3 * y) + 0.8 * cos(2 * Math.PI * 4 * x);
    }

    [Theory]
    [InlineData(8L, 7L, 20L, 12L)]
    [InlineData(9L, 8L, 16L, 13L)]
    [InlineData(8L, 8L, 9L, 7L)]
    public void RefiningABandLimitedFieldReproducesItsExactValues(long nx, long ny, long mx, long my)
    {
        var fine = FourierResampling.Resample(Field(nx, ny).unsqueeze(0), new long[] { -2, -1 }, new long[] { mx, my });
        AssertClose(Field(mx, my).unsqueeze(0), fine, 1e-12);
    }

    [Theory]
    [InlineData(20L, 12L, 8L, 7L)]
    [InlineData(16L, 13L, 9L, 8L)]
    public void CoarseningIsExactForFieldsBandLimitedToTheCoarseGrid(long nx, long ny, long mx, long my)
    {
        var coarse = FourierResampling.Resample(Field(nx, ny), new long[] { 0, 1 }, new long[] { mx, my });
        AssertClose(Field(mx, my), coarse, 1e-12);
    }

    [Fact]
    public void RefiningThenCoarseningIsTheIdentityForAnySignal()
    {
        var x = GradientCheck.Random(1, 3, 8, 9);
        var up = FourierResampling.Resample(x, new long[] { 1, 2 }, new long[] { 14, 20 });
        AssertClose(x, FourierResampling.Resample(up, new long[] { 1, 2 }, new long[] { 8, 9 }), 1e-12);
        var z = complex(GradientCheck.Random(2, 6), GradientCheck.Random(3, 6));
        AssertClose(z, FourierResampling.Resample(FourierResampling.Resample(z, new long[] { 0 }, new long[] { 11 }), new long[] { 0 }, new long[] { 6 }), 1e-12);
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        var weights = GradientCheck.Random(4, 10, 6);
        GradientCheck.AssertMatchesFiniteDifferences(
            x => (FourierResampling.Resample(x, new long[] { 0, 1 }, new long[] { 10, 6 }) * weights).square().sum(), GradientCheck.Random(5, 7, 8));
    }
}
