using static TorchSharp.torch;

namespace Workbench.Tests.Spectral.Wavelets;

internal static class TensorAssert
{
    public static void Close(Tensor expected, Tensor actual, double tolerance, string what)
    {
        Assert.True(expected.shape.SequenceEqual(actual.shape),
            $"{what}: shape [{string.Join(", ", actual.shape)}], expected [{string.Join(", ", expected.shape)}]");
        var error = MaxAbsDifference(expected, actual);
        Assert.True(error <= tolerance, $"{what}: max |difference| {error:E3} > {tolerance:E1}");
    }

    /// <summary>max |a - b| / max |a|.</summary>
    public static double RelativeError(Tensor expected, Tensor actual) =>
        MaxAbsDifference(expected, actual) / expected.abs().max().to_type(ScalarType.Float64).item<double>();

    public static double MaxAbsDifference(Tensor expected, Tensor actual) =>
        (expected.to_type(ScalarType.Float64) - actual.to_type(ScalarType.Float64)).abs().max().item<double>();
}
