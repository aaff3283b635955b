namespace Workbench.Models.Operators.T1;

/// <summary>Which single orthonormal transform a T1 model works in.</summary>
public enum T1Transform { Dct, Dft }

/// <summary>Initialisation of the per-mode channel-mixing weights.</summary>
public enum SpectralInit { VariancePreserving, Naive, Kaiming, Zero }

/// <summary>
/// Options of a Transform-Once model. Modes1 x Modes2 is the retained block: DCT frequencies [0, Modes1) x [0, Modes2);
/// DFT signed row frequencies -(Modes1 - 1)..(Modes1 - 1) x rfft columns [0, Modes2). <see cref="InitResolution"/> is the grid the
/// variance-preserving scale N / (c m) refers to.
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
    int HeadWidth = 128);
