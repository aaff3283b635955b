using System.Runtime.InteropServices;
using TorchSharp;

namespace Workbench.Core.Runtime;

/// <summary>
/// libtorch's own log lines (e.g. "Could not initialize NNPACK! Reason: Unsupported hardware." on every process that
/// runs a strided or transposed convolution) are hidden unless asked for: <see cref="Variable"/> is libtorch's level
/// variable, but only Python's torch module hands it to c10, so <see cref="Apply"/> calls c10::initLogging itself.
/// </summary>
public static class NativeLogLevel
{
    public const string Variable = "TORCH_CPP_LOG_LEVEL";
    public const string Quiet = "ERROR";
    public const string Warnings = "WARNING";

    private const string InitLoggingSymbol = "_ZN3c1011initLoggingEv";
    private static bool _applied;

    /// <summary>Has c10 read <see cref="Variable"/>; a no-op where c10 is not beside TorchSharp.dll (e.g. Windows).</summary>
    public static void Apply()
    {
        if (_applied || !OperatingSystem.IsLinux()) return;
        _applied = true;
        // By absolute path: a bare name could load a system libc10 (Debian's python3-torch ships one).
        var folder = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        if (folder is null) return;
        var library = Path.Combine(folder, "libc10.so");
        if (!File.Exists(library) || !NativeLibrary.TryLoad(library, out var handle)) return;
        if (!NativeLibrary.TryGetExport(handle, InitLoggingSymbol, out var initLogging)) return;
        Marshal.GetDelegateForFunctionPointer<Action>(initLogging)();
    }
}
