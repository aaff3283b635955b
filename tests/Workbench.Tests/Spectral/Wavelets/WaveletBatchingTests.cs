using Workbench.Core.Runtime;
using Workbench.Spectral.Wavelets;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral.Wavelets;

/// <summary>Leading axes are a batch: transforming a stack equals transforming each member alone.</summary>
public class WaveletBatchingTests
{
    [Theory]
    [InlineData(WaveletName.Bior24, ExtensionMode.Reflect)]
    [InlineData(WaveletName.Db3, ExtensionMode.Periodization)]
    [InlineData(WaveletName.Sym4, ExtensionMode.Zero)]
    public void BatchedTwoDimensionalEqualsPerSample(WaveletName name, ExtensionMode mode)
    {
        var wavelet = Wavelet.Get(name);
        var x = randn([2, 3, 39, 36], dtype: ScalarType.Float64, generator: Determinism.Generator(7, "batch2d"));
        var batched = Dwt2D.Decompose(x, wavelet, 2, mode);
        var reconstructed = Dwt2D.Reconstruct(batched);
        for (var i = 0; i < 2; i++)
        for (var j = 0; j < 3; j++)
        {
            var single = Dwt2D.Decompose(x[i, j], wavelet, 2, mode);
            TensorAssert.Close(single.Approximation, batched.Approximation[i, j], 1e-12, "cA");
            for (var level = 0; level < 2; level++)
            {
                TensorAssert.Close(single.Details[level].Horizontal, batched.Details[level].Horizontal[i, j], 1e-12, "cH");
                TensorAssert.Close(single.Details[level].Vertical, batched.Details[level].Vertical[i, j], 1e-12, "cV");
                TensorAssert.Close(single.Details[level].Diagonal, batched.Details[level].Diagonal[i, j], 1e-12, "cD");
            }

            TensorAssert.Close(Dwt2D.Reconstruct(single), reconstructed[i, j], 1e-12, "reconstruction");
        }
    }

    [Fact]
    public void BatchedOneDimensionalEqualsPerSample()
    {
        var wavelet = Wavelet.Get(WaveletName.Db2);
        var x = randn([4, 2, 29], dtype: ScalarType.Float64, generator: Determinism.Generator(3, "batch1d"));
        var batched = Dwt1D.Decompose(x, wavelet, 2, ExtensionMode.Symmetric);
        for (var i = 0; i < 4; i++)
        for (var j = 0; j < 2; j++)
        {
            var single = Dwt1D.Decompose(x[i, j], wavelet, 2, ExtensionMode.Symmetric);
            TensorAssert.Close(single.Approximation, batched.Approximation[i, j], 1e-12, "cA");
            TensorAssert.Close(single.Details[0], batched.Details[0][i, j], 1e-12, "cD2");
            TensorAssert.Close(single.Details[1], batched.Details[1][i, j], 1e-12, "cD1");
        }
    }

    [Fact]
    public void LargeBatchesProcessedInSlicesMatchSmallBatches()
    {
        // 33 x 180^2 float32 exceeds the slice size, so the batch is transformed in pieces and joined.
        var wavelet = Wavelet.Get(WaveletName.Bior24);
        var x = randn([33, 180, 180], generator: Determinism.Generator(17, "slices"));
        var whole = Dwt2D.Decompose(x, wavelet, 3, ExtensionMode.Reflect);
        foreach (var (start, length) in new[] { (0L, 16L), (16L, 17L) })
        {
            var part = Dwt2D.Decompose(x.narrow(0, start, length), wavelet, 3, ExtensionMode.Reflect);
            TensorAssert.Close(part.Approximation, whole.Approximation.narrow(0, start, length), 1e-6, "cA");
            TensorAssert.Close(part.Details[2].Diagonal, whole.Details[2].Diagonal.narrow(0, start, length), 1e-6, "cD1");
        }

        Assert.True(TensorAssert.RelativeError(x, Dwt2D.Reconstruct(whole)) < 1e-5);

        var signals = randn([2000, 601], generator: Determinism.Generator(19, "slices1d"));
        var coefficients = Dwt1D.Decompose(signals, Wavelet.Get(WaveletName.Db3), 2, ExtensionMode.Symmetric);
        var tail = Dwt1D.Decompose(signals.narrow(0, 1990, 10), Wavelet.Get(WaveletName.Db3), 2, ExtensionMode.Symmetric);
        TensorAssert.Close(tail.Details[0], coefficients.Details[0].narrow(0, 1990, 10), 1e-6, "cD2");
        Assert.True(TensorAssert.RelativeError(signals, Dwt1D.Reconstruct(coefficients)) < 1e-5);
    }

    [Fact]
    public void OutputsFollowTheInputDtype()
    {
        var wavelet = Wavelet.Get(WaveletName.Bior24);
        var x64 = randn([2, 40, 40], dtype: ScalarType.Float64, generator: Determinism.Generator(5, "dtype"));
        var x32 = x64.to_type(ScalarType.Float32);
        var c32 = Dwt2D.Decompose(x32, wavelet, 2, ExtensionMode.Reflect);
        var c64 = Dwt2D.Decompose(x64, wavelet, 2, ExtensionMode.Reflect);
        Assert.Equal(ScalarType.Float32, c32.Approximation.dtype);
        Assert.Equal(ScalarType.Float32, c32.Details[1].Diagonal.dtype);
        Assert.Equal(ScalarType.Float32, Dwt2D.Reconstruct(c32).dtype);
        Assert.True(TensorAssert.RelativeError(c64.Approximation, c32.Approximation) < 1e-5);
    }
}
