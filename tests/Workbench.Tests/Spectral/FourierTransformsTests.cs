using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;
using static Workbench.Tests.Spectral.SpectralFixtures;

namespace Workbench.Tests.Spectral;

public class FourierTransformsTests
{
    [Fact]
    public void TransformsMatchNumpy()
    {
        var f = Get("fft");
        var x = Real(f.GetProperty("x"));
        AssertClose(Complex(f.GetProperty("fft2_backward")), FourierTransforms.Forward(x.to(ScalarType.ComplexFloat64), new long[] { -2, -1 }), 1e-12);
        AssertClose(Complex(f.GetProperty("fft2_ortho")), FourierTransforms.Forward(x, new long[] { 1, 2 }, FFTNormType.Ortho), 1e-12);
        AssertClose(Complex(f.GetProperty("rfft2_forward")), FourierTransforms.RealForward(x, new long[] { -2, -1 }, FFTNormType.Forward), 1e-12);
        AssertClose(Complex(f.GetProperty("rfft_dim1_backward")), FourierTransforms.RealForward(x, new long[] { 1 }), 1e-12);
    }

    [Fact]
    public void InversesRoundTripAtOddSizes()
    {
        var x = Real(Get("fft").GetProperty("x"));
        var dims = new long[] { 1, 2 };
        AssertClose(x, FourierTransforms.RealInverse(FourierTransforms.RealForward(x, dims, FFTNormType.Ortho), dims, new long[] { 5, 6 }, FFTNormType.Ortho), 1e-12);
        var odd = x.narrow(2, 0, 5);
        AssertClose(odd, FourierTransforms.RealInverse(FourierTransforms.RealForward(odd, dims), dims, new long[] { 5, 5 }), 1e-12);
        AssertClose(odd, FourierTransforms.Inverse(FourierTransforms.Forward(odd, dims), dims).real, 1e-12);
    }

    [Fact]
    public void RealInverseRejectsASizeThatDoesNotFitTheHalfAxis()
    {
        var spectrum = zeros(new long[] { 4, 4 }, ScalarType.ComplexFloat64);
        Assert.Throws<ArgumentException>(() => FourierTransforms.RealInverse(spectrum, new long[] { 0, 1 }, new long[] { 4, 8 }));
        Assert.Throws<ArgumentException>(() => FourierTransforms.Forward(spectrum, new long[] { 0, 0 }));
    }

    [Fact]
    public void FrequenciesMatchNumpyFftfreqAndRfftfreq()
    {
        foreach (var c in Get("fftfreq").EnumerateArray())
        {
            var n = c.GetProperty("n").GetInt64();
            var d = Number(c, "d");
            AssertClose(Real(c.GetProperty("fftfreq")), Wavenumbers.Frequencies(n, d, ScalarType.Float64, CPU), 1e-14);
            AssertClose(Real(c.GetProperty("rfftfreq")), Wavenumbers.HalfFrequencies(n, d, ScalarType.Float64, CPU), 1e-14);
        }
    }

    [Fact]
    public void IntegerAndAngularGridsFollowFftOrder()
    {
        Assert.Equal(new long[] { 0, 1, 2, 3, -3, -2, -1 }, Wavenumbers.Integer(7, ScalarType.Int64, CPU).data<long>().ToArray());
        Assert.Equal(new long[] { 0, 1, 2, 3, -4, -3, -2, -1 }, Wavenumbers.Integer(8, ScalarType.Int64, CPU).data<long>().ToArray());
        Assert.Equal(new long[] { 0, 1, 2, 3, 4 }, Wavenumbers.IntegerHalf(8, ScalarType.Int64, CPU).data<long>().ToArray());

        var grid = Wavenumbers.Grid(new long[] { 6, 5, 8 }, lastAxisHalf: true, length: 2.0, ScalarType.Float32, CPU);
        Assert.Equal(new long[] { 6, 1, 1 }, grid[0].shape);
        Assert.Equal(new long[] { 1, 1, 5 }, grid[2].shape);
        Assert.Equal(ScalarType.Float32, grid[0].dtype);
        Assert.Equal(-2 * Math.PI, grid[1][0, 3, 0].item<float>(), 5);

        var k2 = Wavenumbers.SquaredMagnitude(new long[] { 6, 8 }, lastAxisHalf: true, length: null, ScalarType.Float64, CPU);
        Assert.Equal(new long[] { 6, 5 }, k2.shape);
        Assert.Equal(9.0 + 16.0, k2[3, 4].item<double>());
        Assert.Equal(4.0 + 1.0, k2[4, 1].item<double>());
    }
}
