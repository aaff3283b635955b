using System.Reflection;
using TorchSharp;

namespace Workbench.Core.Runtime;

/// <summary>What the <c>info</c> verb reports about TorchSharp and its native libraries.</summary>
public sealed record NativeStatus(string TorchSharpVersion, bool Loaded, string? LoadError, bool CudaAvailable, int CudaDevices)
{
    public static NativeStatus Probe()
    {
        var version = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";
        version = version.Split('+')[0];
        try
        {
            using var probe = torch.ones(2).sum();
            var cuda = DeviceResolver.CudaAvailable();
            return new NativeStatus(version, probe.item<float>() == 2f, null, cuda, cuda ? torch.cuda.device_count() : 0);
        }
        catch (Exception e) when (e is DllNotFoundException || e is NotSupportedException || e is TypeInitializationException)
        {
            return new NativeStatus(version, false, e.InnerException?.Message ?? e.Message, false, 0);
        }
    }
}
