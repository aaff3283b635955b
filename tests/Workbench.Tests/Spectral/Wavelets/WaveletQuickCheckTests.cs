using Workbench.Spectral.Wavelets;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral.Wavelets;

/// <summary>The quick checks of REFERENCES.md section 10 (values published by PyWavelets) and the WADEPre sizes of section 7.</summary>
public class WaveletQuickCheckTests
{
    [Fact]
    public void HaarAndDb2FiltersHaveThePublishedTaps()
    {
        AssertTaps([.707107, .707107], Wavelet.Get(WaveletName.Haar).DecLo);
        AssertTaps([-.707107, .707107], Wavelet.Get(WaveletName.Haar).DecHi);
        AssertTaps([-.129410, .224144, .836516, .482963], Wavelet.Get(WaveletName.Db2).DecLo);
        AssertTaps([-.482963, .836516, -.224144, -.129410], Wavelet.Get(WaveletName.Db2).DecHi);
    }

    [Theory]
    [InlineData(WaveletName.Haar, 64, 64)]
    [InlineData(WaveletName.Db2, 65, 64)]
    [InlineData(WaveletName.Bior24, 68, 64)]
    public void CoefficientLengthsAt128(WaveletName name, int extended, int periodized)
    {
        var x = zeros(128, dtype: ScalarType.Float64);
        var wavelet = Wavelet.Get(name);
        foreach (var mode in new[] { ExtensionMode.Symmetric, ExtensionMode.Reflect, ExtensionMode.Zero })
            Assert.Equal(extended, Dwt1D.Forward(x, wavelet, mode).Approximation.shape[^1]);
        Assert.Equal(periodized, Dwt1D.Forward(x, wavelet, ExtensionMode.Periodization).Detail.shape[^1]);
    }

    [Fact]
    public void HaarPeriodizationOfOneToFour()
    {
        var (a, d) = Dwt1D.Forward(tensor(new double[] { 1, 2, 3, 4 }), Wavelet.Get(WaveletName.Haar), ExtensionMode.Periodization);
        TensorAssert.Close(tensor(new[] { 2.12132, 4.949747 }), a, 1e-6, "cA");
        TensorAssert.Close(tensor(new[] { -.707107, -.707107 }), d, 1e-6, "cD");
    }

    [Fact]
    public void Db2OnArange16InPeriodizationAndSymmetric()
    {
        var x = arange(16, dtype: ScalarType.Float64).reshape(4, 4);
        var db2 = Wavelet.Get(WaveletName.Db2);
        var periodic = Dwt2D.Forward(x, db2, ExtensionMode.Periodization).Approximation;
        TensorAssert.Close(tensor(new double[] { 10, 12, 18, 20 }).reshape(2, 2), periodic, 1e-9, "periodization cA");
        var symmetric = Dwt2D.Forward(x, db2, ExtensionMode.Symmetric).Approximation;
        var expected = tensor(new[] { 2.5, 3.267949, 7.5, 5.571797, 6.339746, 10.571797, 22.5, 23.267949, 27.5 }).reshape(3, 3);
        TensorAssert.Close(expected, symmetric, 1e-6, "symmetric cA");
    }

    [Fact]
    public void WadePreBior24ReflectThreeLevelsOn128()
    {
        var x = zeros(2, 6, 128, 128);
        var coefficients = Dwt2D.Decompose(x, Wavelet.Get(WaveletName.Bior24), 3, ExtensionMode.Reflect);
        Assert.Equal(new long[] { 2, 6, 23, 23 }, coefficients.Approximation.shape);
        int[] expectedDetailSides = [23, 38, 68];
        for (var i = 0; i < 3; i++)
            foreach (var band in new[] { coefficients.Details[i].Horizontal, coefficients.Details[i].Vertical, coefficients.Details[i].Diagonal })
                Assert.Equal(new long[] { 2, 6, expectedDetailSides[i], expectedDetailSides[i] }, band.shape);
        Assert.Equal(68, coefficients.DetailsAtLevel(1).Diagonal.shape[^1]);

        var pywt = PywtFixtures.Index.GetProperty("wadepre_shapes");
        Assert.Equal([23, 23], pywt.GetProperty("approximation").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(expectedDetailSides, pywt.GetProperty("details").EnumerateArray().Select(e => e[0].GetInt32()));
    }

    private static void AssertTaps(double[] expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var k = 0; k < expected.Length; k++) Assert.Equal(expected[k], actual[k], 6);
    }
}
