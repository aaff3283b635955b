using TorchSharp;
using Workbench.Core.Errors;

namespace Workbench.Core.Runtime;

/// <summary>Turns the user's <c>--device auto|cpu|cuda[:N]</c> choice into a TorchSharp device.</summary>
public static class DeviceResolver
{
    public static torch.Device Resolve(string choice)
    {
        var normalized = choice.Trim().ToLowerInvariant();
        if (normalized == "cpu") return torch.CPU;
        if (normalized == "auto") return CudaAvailable() ? torch.CUDA : torch.CPU;
        if (normalized == "cuda" || normalized.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!CudaAvailable())
                throw new DeviceUnavailableException("CUDA is not available on this machine (use --device cpu or auto).");
            return new torch.Device(normalized);
        }
        throw new WorkbenchException($"--device: expected auto, cpu or cuda[:N], got '{choice}'.");
    }

    public static bool CudaAvailable()
    {
        try
        {
            return torch.cuda.is_available();
        }
        catch (Exception e) when (e is DllNotFoundException || e is NotSupportedException || e is InvalidOperationException)
        {
            return false;
        }
    }
}
