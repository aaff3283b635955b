using static TorchSharp.torch;

namespace Workbench.Spectral.Wavelets;

/// <summary>
/// pywt.wavedec's output: the coarsest approximation and the details coarsest first
/// (Details[0] is level n, Details[^1] level 1). <paramref name="SignalLength"/>, when known, is the length the
/// reconstruction is trimmed back to; without it the reconstruction keeps pywt's extra sample for odd lengths.
/// </summary>
public sealed record WaveletCoefficients1D(
    Tensor Approximation,
    IReadOnlyList<Tensor> Details,
    Wavelet Wavelet,
    ExtensionMode Mode,
    int? SignalLength = null)
{
    public int Levels => Details.Count;

    /// <summary>The detail band of a level, 1 being the finest.</summary>
    public Tensor DetailAtLevel(int level) => Details[Levels - Checked(level, Levels)];

    internal static int Checked(int level, int levels) =>
        level >= 1 && level <= levels
            ? level
            : throw new ArgumentOutOfRangeException(nameof(level), level, $"expected a level in 1..{levels}");
}
