using System.Diagnostics;

namespace Workbench.Tests.Data;

/// <summary>A fact that needs Debian's python3 with h5py; skipped with a reason only when h5py cannot be imported.</summary>
public sealed class H5pyFactAttribute : FactAttribute
{
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> Available = new(() =>
    {
        if (!File.Exists(Python))
            return false;
        using var process = Process.Start(new ProcessStartInfo(Python, ["-c", "import h5py"]) { RedirectStandardError = true });
        process!.WaitForExit();
        return process.ExitCode == 0;
    });

    public H5pyFactAttribute()
    {
        if (!Available.Value)
            Skip = $"{Python} with h5py is not installed (apt install python3-h5py)";
    }
}
