namespace Workbench.Models.Operators.Fno;

/// <summary>How the complex spectral weights of an FNO layer are drawn.</summary>
public enum FnoInit
{
    /// <summary>The FNO release: real and imaginary parts U[0, 1) / (c_in c_out).</summary>
    Naive,

    /// <summary>
    /// Real and imaginary parts N(0, s^2) with s chosen so that one spectral layer keeps the variance of white-noise
    /// input at its initialisation grid (see <see cref="SpectralInitScale"/>).
    /// </summary>
    VariancePreserving,
}
