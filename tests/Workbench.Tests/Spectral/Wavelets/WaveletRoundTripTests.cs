using Workbench.Core.Runtime;
using Workbench.Spectral.Wavelets;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral.Wavelets;

/// <summary>Perfect reconstruction (the analytic property of these filter banks) on random batched inputs.</summary>
public class WaveletRoundTripTests
{
    public static IEnumerable<object[]> WaveletsAndModes() =>
        from name in Enum.GetValues<WaveletName>()
        from mode in Enum.GetValues<ExtensionMode>()
        select new object[] { name, mode };

    [Theory]
    [MemberData(nameof(WaveletsAndModes))]
    public void OneDimensionalRoundTrip(WaveletName name, ExtensionMode mode)
    {
        var wavelet = Wavelet.Get(name);
        foreach (var length in new[] { 37, 64 })
        foreach (var (dtype, tolerance) in Precisions)
        {
            var x = randn([3, 2, length], dtype: dtype, generator: Determinism.Generator(length, $"{name}{mode}1d"));
            var levels = Math.Min(3, wavelet.MaxLevel(length));
            var y = Dwt1D.Reconstruct(Dwt1D.Decompose(x, wavelet, levels, mode));
            Assert.Equal(x.shape, y.shape);
            Assert.True(TensorAssert.RelativeError(x, y) < tolerance, $"{name} {mode} N={length} {dtype}");
        }
    }

    [Theory]
    [MemberData(nameof(WaveletsAndModes))]
    public void TwoDimensionalRoundTrip(WaveletName name, ExtensionMode mode)
    {
        var wavelet = Wavelet.Get(name);
        foreach (var (height, width) in new[] { (40, 45), (37, 32) })
        foreach (var (dtype, tolerance) in Precisions)
        {
            var x = randn([2, 3, height, width], dtype: dtype, generator: Determinism.Generator(height, $"{name}{mode}2d"));
            var levels = Math.Min(3, wavelet.MaxLevel(Math.Min(height, width)));
            var y = Dwt2D.Reconstruct(Dwt2D.Decompose(x, wavelet, levels, mode));
            Assert.Equal(x.shape, y.shape);
            Assert.True(TensorAssert.RelativeError(x, y) < tolerance, $"{name} {mode} {height}x{width} {dtype}");
        }
    }

    private static readonly (ScalarType, double)[] Precisions = [(ScalarType.Float32, 1e-5), (ScalarType.Float64, 1e-10)];
}
