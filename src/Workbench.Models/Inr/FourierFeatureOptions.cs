namespace Workbench.Models.Inr;

/// <summary>
/// Fourier-feature MLP (Tancik et al. 2020): gamma(v) = [cos 2 pi B v, sin 2 pi B v] with B ~ N(0, Sigma^2) of
/// <paramref name="Features"/> rows (fixed, not trained), then a ReLU MLP of <paramref name="HiddenLayers"/> x
/// <paramref name="Hidden"/> and a linear output. Sigma is in cycles per unit of the [-1, 1] coordinate range.
/// </summary>
public sealed record FourierFeatureOptions(
    int InDim,
    int OutDim,
    int Features = 256,
    double Sigma = 10,
    int Hidden = 256,
    int HiddenLayers = 4);
