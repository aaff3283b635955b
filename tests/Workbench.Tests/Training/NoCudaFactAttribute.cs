namespace Workbench.Tests.Training;

/// <summary>A fact about a machine without CUDA (a config asking for CUDA is refused there).</summary>
public sealed class NoCudaFactAttribute : FactAttribute
{
    public NoCudaFactAttribute()
    {
        Workbench.Tests.Shared.NativeSetup.ApplyNativeEnvironment();
        if (TorchSharp.torch.cuda.is_available()) Skip = "this machine has CUDA, so a config asking for it is not refused";
    }
}
