using System.Runtime.InteropServices;
using TorchSharp;

namespace Workbench.Interactive;

/// <summary>
/// Loads TorchSharp's native libraries by absolute path from the folder that holds TorchSharp.dll, before TorchSharp
/// looks for them by name. A kernel process has no deps.json entries for them, and a bare name could resolve to a
/// system libtorch (Debian's python3-torch ships libtorch_cpu.so 1.13), which TorchSharp 0.107 cannot use.
/// </summary>
public static class TorchNatives
{
    private static readonly string[] LoadOrder = ["libc10.so", "libtorch_cpu.so", "libtorch.so", "libLibTorchSharp.so"];

    /// <summary>The folder the natives were loaded from, or null where that folder has none (TorchSharp's own lookup then applies).</summary>
    public static string? Preload()
    {
        if (!OperatingSystem.IsLinux()) return null;
        var folder = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        if (folder is null || !File.Exists(Path.Combine(folder, "libLibTorchSharp.so"))) return null;
        foreach (var name in LoadOrder) NativeLibrary.Load(Path.Combine(folder, name));
        return folder;
    }
}
