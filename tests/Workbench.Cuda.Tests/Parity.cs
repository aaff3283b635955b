using static TorchSharp.torch;

namespace Workbench.Cuda.Tests;

internal static class Parity
{
    /// <summary>cuFFT/cuBLAS sum in other orders than the CPU kernels: float32 results agree to a few ulps of the norm.</summary>
    public static void AssertClose(Tensor expected, Tensor actual, string what, double relative = 1e-4)
    {
        Assert.Equal(expected.shape, actual.shape);
        var scale = expected.abs().max().to(ScalarType.Float64).item<double>();
        var error = (expected - actual).abs().max().to(ScalarType.Float64).item<double>();
        Assert.True(error <= relative * Math.Max(scale, 1e-12), $"{what}: max |cpu - cuda| = {error:E3} with max |cpu| = {scale:E3}");
    }
}
