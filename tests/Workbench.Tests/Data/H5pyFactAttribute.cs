using Workbench.Tests.Shared;

namespace Workbench.Tests.Data;

/// <summary>A fact that needs Debian's python3 with h5py; skipped with a reason only when h5py cannot be imported.</summary>
public sealed class H5pyFactAttribute : FactAttribute
{
    public const string Python = DebianPython.Path;

    public H5pyFactAttribute()
    {
        if (!DebianPython.CanImport("h5py"))
            Skip = $"{Python} with h5py is not installed (apt install python3-h5py)";
    }
}
