namespace Workbench.Models.Inr;

/// <summary>How NSTR parameterises its local spectrum field S(x).</summary>
public enum SpectrumBackend
{
    /// <summary>A dense grid of (R + 1)^d vertices x K amplitudes, multilinearly interpolated.</summary>
    Grid,
    /// <summary>A multiresolution hash encoding followed by a linear map to K amplitudes.</summary>
    HashGrid,
    /// <summary>A ReLU MLP from coordinates to K amplitudes.</summary>
    Mlp,
}

/// <summary>How the transport residual obtains grad S(x).</summary>
public enum SpectrumGradient
{
    /// <summary>Central differences with step <see cref="NstrOptions.DifferenceStep"/>: 2d extra evaluations of S.</summary>
    FiniteDifference,
    /// <summary>Exact Jacobian by reverse-mode autograd, one backward pass per amplitude (K passes; slow for large K).</summary>
    Autograd,
}

/// <summary>
/// NSTR (arXiv 2511.18384): f(x) = g_phi(z(x)), z_i(x) = S_i(x) sin(omega_i . x + b_i), i = 1..K, with a learnable local
/// spectrum field S and a transport network F_theta(x, S(x)) -> R^{K x d} trained so that grad S(x) ~ F_theta; the
/// training loss adds <paramref name="TransportWeight"/> x mean ||grad S - F_theta||^2.
/// The paper writes the K terms as a sum inside g_phi; a literal scalar sum would make g_phi a function of one number,
/// so the K modulated sinusoids are g_phi's input vector and its first linear layer forms the weighted sums.
/// Open choices and the defaults (see the class doc of <see cref="Nstr"/> for the measurements behind them):
/// omega_i = 2 pi B_i with B ~ N(0, <paramref name="FrequencySigma"/>^2) cycles per unit (learned when
/// <paramref name="LearnFrequencies"/>), b_i ~ U(-pi, pi) learned; S = 1 + a field initialised at zero, so NSTR starts
/// as a random-Fourier-feature network; g_phi a ReLU MLP of <paramref name="DecoderLayers"/> x
/// <paramref name="DecoderHidden"/>; F_theta a ReLU MLP of <paramref name="TransportLayers"/> x
/// <paramref name="TransportHidden"/> on [x, S(x)], the residual evaluated each step on <paramref name="TransportPoints"/> of the
/// training points (a random subset when there are more). <paramref name="SpectrumResolution"/> is the grid's cells per
/// axis, or the hash backend's finest resolution (<paramref name="SpectrumLevels"/> levels from 16 cells, tables of
/// <paramref name="SpectrumTableSize"/>).
/// </summary>
public sealed record NstrOptions(
    int InDim,
    int OutDim,
    int Frequencies = 64,
    double FrequencySigma = 10,
    bool LearnFrequencies = true,
    SpectrumBackend Backend = SpectrumBackend.HashGrid,
    int SpectrumResolution = 16,
    long SpectrumTableSize = 1 << 12,
    int SpectrumLevels = 16,
    int DecoderHidden = 64,
    int DecoderLayers = 2,
    int TransportHidden = 64,
    int TransportLayers = 2,
    double TransportWeight = 1e-4,
    SpectrumGradient Gradient = SpectrumGradient.FiniteDifference,
    double DifferenceStep = 1e-2,
    int TransportPoints = 1024);
