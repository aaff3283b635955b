namespace Workbench.Spectral.Wavelets;

/// <summary>How a signal is extended past its ends before filtering (pywt's modes of the same names).</summary>
public enum ExtensionMode
{
    /// <summary>Periodic extension with ceil(N/2) coefficients; an odd signal first repeats its last sample.</summary>
    Periodization,

    /// <summary>Half-sample symmetric: x2 x1 | x1 .. xn | xn xn-1.</summary>
    Symmetric,

    /// <summary>Whole-sample symmetric: x3 x2 | x1 .. xn | xn-1 xn-2.</summary>
    Reflect,

    /// <summary>Zeros outside the signal.</summary>
    Zero,
}
