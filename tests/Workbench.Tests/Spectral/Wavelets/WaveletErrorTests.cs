using Workbench.Core.Errors;
using Workbench.Spectral.Wavelets;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral.Wavelets;

/// <summary>User errors give one clear WorkbenchException line.</summary>
public class WaveletErrorTests
{
    [Theory]
    [InlineData("db5")]
    [InlineData("coif1")]
    [InlineData("")]
    public void UnknownWaveletNameIsRejected(string name)
    {
        var error = Assert.Throws<WorkbenchException>(() => Wavelet.Parse(name));
        Assert.Contains("bior2.4", error.Message);
        Assert.Contains($"'{name}'", error.Message);
    }

    [Theory]
    [InlineData(" BIOR2.4 ", WaveletName.Bior24)]
    [InlineData("db1", WaveletName.Db1)]
    [InlineData("sym4", WaveletName.Sym4)]
    public void PywtNamesParse(string name, WaveletName expected) => Assert.Equal(expected, Wavelet.Parse(name).Name);

    [Fact]
    public void UnknownModeIsRejected() =>
        Assert.Contains("periodization", Assert.Throws<WorkbenchException>(() => ExtensionModes.Parse("smooth")).Message);

    [Theory]
    [InlineData(WaveletName.Bior24, 128, 3)]
    [InlineData(WaveletName.Db2, 16, 2)]
    [InlineData(WaveletName.Haar, 16, 4)]
    [InlineData(WaveletName.Db4, 13, 0)]
    public void LevelsAreCappedAtPywtMaxLevel(WaveletName name, int length, int maxLevel)
    {
        var wavelet = Wavelet.Get(name);
        Assert.Equal(maxLevel, wavelet.MaxLevel(length));
        var x = zeros(length, length, dtype: ScalarType.Float64);
        var error = Assert.Throws<ArgumentException>(() => Dwt2D.Decompose(x, wavelet, maxLevel + 1, ExtensionMode.Reflect));
        Assert.Contains($"1..{maxLevel}", error.Message);
        Assert.Throws<ArgumentException>(() => Dwt1D.Decompose(x[0], wavelet, maxLevel + 1, ExtensionMode.Zero));
        Assert.Throws<ArgumentException>(() => Dwt1D.Decompose(x[0], wavelet, 0, ExtensionMode.Zero));
    }

    [Fact]
    public void NonFloatingInputIsRejected() =>
        Assert.Contains("floating-point", Assert.Throws<ArgumentException>(() =>
            Dwt1D.Forward(arange(8), Wavelet.Get(WaveletName.Haar), ExtensionMode.Zero)).Message);

    [Fact]
    public void TwoDimensionalTransformNeedsTwoAxes() =>
        Assert.Throws<ArgumentException>(() =>
            Dwt2D.Forward(zeros(8, dtype: ScalarType.Float64), Wavelet.Get(WaveletName.Haar), ExtensionMode.Zero));

    [Fact]
    public void MismatchedCoefficientsAreRejected()
    {
        var db2 = Wavelet.Get(WaveletName.Db2);
        Assert.Throws<ArgumentException>(() =>
            Dwt1D.Inverse(zeros(5, dtype: ScalarType.Float64), zeros(6, dtype: ScalarType.Float64), db2, ExtensionMode.Symmetric));
        var coefficients = new WaveletCoefficients1D(
            zeros(9, dtype: ScalarType.Float64), [zeros(6, dtype: ScalarType.Float64)], db2, ExtensionMode.Symmetric);
        Assert.Contains("waverec", Assert.Throws<ArgumentException>(() => Dwt1D.Reconstruct(coefficients)).Message);
    }
}
