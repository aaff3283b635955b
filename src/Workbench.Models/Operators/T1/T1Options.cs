namespace Workbench.Models.Operators.T1;

/// <summary>Which single orthonormal transform a T1 model works in.</summary>
public enum T1Transform { Dct, Dft }

/// <summary>
/// Initialisation of the per-mode channel-mixing weights. <see cref="VariancePreserving"/> gives every layer the
/// std sqrt(N / (c m)) as the released T1 code does; <see cref="VariancePreservingFirstLayer"/> gives it to the first
/// layer only (later layers act on fields already confined to the m retained modes and take sqrt(1 / c)).
/// </summary>
public enum SpectralInit { VariancePreserving, VariancePreservingFirstLayer, Naive, Kaiming, Zero }

/// <summary>The activation of a T1 layer; applied to real and imaginary parts separately on complex coefficients.</summary>
public enum T1Activation { Gelu, Tanh, Sin, Identity }

/// <summary>Where a T1 layer's activation acts: on the retained coefficients (the paper) or on the field they stand for.</summary>
public enum ActivationSpace { Coefficients, Physical }

/// <summary>Initialisation of the dense mixing along each frequency axis: Kaiming N(0, gain^2 / m) as released, or the identity.</summary>
public enum ModeMixingInit { Kaiming, Identity }

/// <summary>
/// The pointwise head on coefficients: <see cref="Paper"/> is two bias-free matrices drawn 1e-8 N(0, 1) with sin
/// between, so the head is odd and maps zero coefficients to zero; <see cref="Biased"/> is a default-initialised
/// linear layer with bias, sin, and a biased linear layer with 1e-8 N(0, 1) weights and zero bias.
/// </summary>
public enum T1Head { Paper, Biased }

/// <summary>
/// Scale of the transform's coefficients: <see cref="Orthonormal"/> as in the paper; <see cref="Normalised"/> divides
/// them by sqrt(N) for an H x W = N grid, so the DC coefficient is the field's mean and band-limited fields have the
/// same coefficients at every resolution. Orthonormal coefficients are O(sqrt N) at the low modes; with the released
/// code's other choices T1 then did not train at all on 64^2 Navier-Stokes (experiments/fidelity/t1.md).
/// </summary>
public enum CoefficientScale { Orthonormal, Normalised }

/// <summary>
/// Options of a Transform-Once model. Modes1 x Modes2 is the retained block: DCT frequencies [0, Modes1) x [0, Modes2);
/// DFT signed row frequencies -(Modes1 - 1)..(Modes1 - 1) x rfft columns [0, Modes2). <see cref="InitResolution"/> is the grid the
/// variance-preserving scale N / (c m) refers to. <see cref="Activation"/> null means the paper's: GELU for the DCT,
/// tanh for the DFT. The defaults are those of the released T1 code but for the normalised coefficient scale.
/// </summary>
public sealed record T1Options(
    int InChannels = 1,
    int OutChannels = 1,
    int Width = 48,
    int Modes1 = 24,
    int Modes2 = 24,
    int Layers = 8,
    T1Transform Transform = T1Transform.Dct,
    SpectralInit Init = SpectralInit.VariancePreserving,
    int InitResolution = 64,
    int HeadWidth = 128,
    T1Activation? Activation = null,
    ActivationSpace ActivationSpace = ActivationSpace.Coefficients,
    bool Residual = true,
    ModeMixingInit ModeMixingInit = ModeMixingInit.Kaiming,
    T1Head Head = T1Head.Paper,
    CoefficientScale Scale = CoefficientScale.Normalised)
{
    public T1Activation LayerActivation => Activation ?? (Transform == T1Transform.Dct ? T1Activation.Gelu : T1Activation.Tanh);
}
