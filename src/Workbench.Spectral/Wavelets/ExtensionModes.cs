using Workbench.Core.Errors;

namespace Workbench.Spectral.Wavelets;

/// <summary>Conversion between <see cref="ExtensionMode"/> and pywt's mode names.</summary>
public static class ExtensionModes
{
    public static ExtensionMode Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "periodization" => ExtensionMode.Periodization,
        "symmetric" => ExtensionMode.Symmetric,
        "reflect" => ExtensionMode.Reflect,
        "zero" => ExtensionMode.Zero,
        _ => throw new WorkbenchException(
            $"wavelet mode: expected periodization, symmetric, reflect or zero, got '{name}'."),
    };

    public static string PywtName(this ExtensionMode mode) => mode switch
    {
        ExtensionMode.Periodization => "periodization",
        ExtensionMode.Symmetric => "symmetric",
        ExtensionMode.Reflect => "reflect",
        ExtensionMode.Zero => "zero",
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "unknown extension mode"),
    };
}
