using Workbench.Core.Errors;

namespace Workbench.Training.Interop;

/// <summary>
/// The PyTorch state-dict files the workbench reads and writes: safetensors (the spec JSON in the header's
/// <c>__metadata__</c> under <see cref="StateDictFile.SpecKey"/>) and torch.save's zip format (.pt/.pth; the spec in a
/// sidecar file, <see cref="StateDictFile.SidecarOf"/>).
/// </summary>
public enum StateDictFormat { Safetensors, Pt }

public static class StateDictFormats
{
    public static StateDictFormat Parse(string name) => name switch
    {
        "safetensors" => StateDictFormat.Safetensors,
        "pt" => StateDictFormat.Pt,
        _ => throw new WorkbenchException($"--format: expected safetensors or pt, got '{name}'"),
    };

    /// <summary>The format of a file, by its extension (.safetensors, .pt or .pth).</summary>
    public static StateDictFormat OfFile(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".safetensors" => StateDictFormat.Safetensors,
        ".pt" or ".pth" => StateDictFormat.Pt,
        _ => throw new WorkbenchException($"{path}: expected a .safetensors, .pt or .pth file"),
    };
}
