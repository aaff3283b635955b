namespace Workbench.Core.Runtime;

/// <summary>
/// LibTorch 2.10's oneDNN float32 convolutions with kernels wider than 1 x 1 compute wrong values with its AVX, AVX2 and
/// AVX-512 kernels on the AMD EPYC (AVX-512) machines we run on, and now and then non-finite ones: a 3 x 3 convolution of
/// 25 channels over 64 x 64 is off by up to 0.40 (AVX2) or 0.78 (AVX-512) against a float64 reference of magnitude 2.9,
/// and by 6e-7 with its SSE4.1 kernels; matrix products, 1 x 1 and transposed convolutions are right at every level.
/// Capping oneDNN at SSE4.1 through ONEDNN_MAX_CPU_ISA gives correct convolutions (tests/Workbench.Tests/Core/
/// ConvolutionAccuracyTests). oneDNN reads the variable once, at its first primitive: <see cref="NativeEnvironment"/> sets
/// it before the first convolution.
/// </summary>
public static class OneDnnIsa
{
    public const string Variable = "ONEDNN_MAX_CPU_ISA";
    public const string Cap = "SSE41";
}
