using Workbench.Tests.Shared;

namespace Workbench.Tests.Training.Interop;

/// <summary>A fact that runs PyTorch (Debian's python3-torch); skipped with a reason only when torch cannot be imported.</summary>
public sealed class TorchFactAttribute : FactAttribute
{
    public const string Python = DebianPython.Path;

    public TorchFactAttribute()
    {
        if (!DebianPython.CanImport("torch"))
            Skip = $"needs python3-torch ({Python} cannot import torch; apt install python3-torch)";
    }
}
