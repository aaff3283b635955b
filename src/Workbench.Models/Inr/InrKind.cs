namespace Workbench.Models.Inr;

/// <summary>The representations compared in the INR experiments.</summary>
public enum InrKind
{
    Nstr,
    Siren,
    Fourier,
    HashGrid,
}

/// <summary>
/// What sizing needs to know about a signal: coordinate and value dimensions, samples per axis (the hash grid's
/// N_max), SIREN's first-layer omega0 (30 for images and shapes, 3000 for audio on [-1, 1]) and the Gaussian scale of
/// Fourier features and of NSTR's frequencies, in cycles per unit.
/// </summary>
public sealed record InrSignalShape(int InDim, int OutDim, int Resolution, double FirstOmega0 = 30, double FrequencySigma = 10);
