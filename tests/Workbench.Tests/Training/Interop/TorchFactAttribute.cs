using System.Diagnostics;

namespace Workbench.Tests.Training.Interop;

/// <summary>A fact that runs PyTorch (Debian's python3-torch); skipped with a reason only when torch cannot be imported.</summary>
public sealed class TorchFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists(Python))
            return false;
        using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import torch"]) { RedirectStandardError = true });
        process!.WaitForExit();
        return process.ExitCode == 0;
    });

    public TorchFactAttribute()
    {
        if (!Available.Value)
            Skip = $"needs python3-torch ({Python} cannot import torch; apt install python3-torch)";
    }
}
