using System.Runtime.CompilerServices;
using TorchSharp;

namespace Workbench.Cuda.Tests;

/// <summary>A test that needs an NVIDIA GPU; elsewhere it is reported as skipped with the reason "CUDA not available".</summary>
public sealed class CudaFactAttribute : FactAttribute
{
    public CudaFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        Skip = "CUDA not available";
        SkipUnless = nameof(CudaAvailability.IsAvailable);
        SkipType = typeof(CudaAvailability);
    }
}

public sealed class CudaTheoryAttribute : TheoryAttribute
{
    public CudaTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber)
    {
        Skip = "CUDA not available";
        SkipUnless = nameof(CudaAvailability.IsAvailable);
        SkipType = typeof(CudaAvailability);
    }
}

public static class CudaAvailability
{
    public static bool IsAvailable { get; } = Probe();

    private static bool Probe()
    {
        try
        {
            if (!torch.cuda.is_available()) return false;
            // Parity means float32 against float32: TF32 (on by default for cuDNN convolutions) keeps 10 mantissa bits.
            torch.backends.cudnn.allow_tf32 = false;
            torch.backends.cuda.matmul.allow_tf32 = false;
            return true;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException)
        {
            return false;
        }
    }
}
