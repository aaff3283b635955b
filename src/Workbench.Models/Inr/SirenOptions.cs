namespace Workbench.Models.Inr;

/// <summary>
/// SIREN (Sitzmann et al. 2020): <paramref name="HiddenLayers"/> sine layers of width <paramref name="Hidden"/> after a
/// first sine layer, then a linear output. <paramref name="FirstOmega0"/> scales the first layer (30 for images,
/// 3000 for audio on [-1, 1] coordinates, equivalent to the paper's 30 on linspace(-100, 100)).
/// </summary>
public sealed record SirenOptions(
    int InDim,
    int OutDim,
    int Hidden = 256,
    int HiddenLayers = 3,
    double Omega0 = 30,
    double FirstOmega0 = 30);
