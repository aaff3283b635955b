namespace Workbench.Figures.Recipes;

/// <summary>Axis titles of the radial energy spectra (Workbench.Spectral.Fourier.RadialSpectrum: summed |FFT|^2 per integer shell).</summary>
internal static class Spectra
{
    public const string WavenumberLabel = "wavenumber |k| (shell)";
    public const string EnergyLabel = "energy (field units²)";
}
