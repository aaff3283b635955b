using static TorchSharp.torch;

namespace Workbench.Spectral.Wavelets;

/// <summary>pywt's (cH, cV, cD): Horizontal is high-pass along axis 0 (height), Vertical along axis 1 (width).</summary>
public sealed record DetailBands2D(Tensor Horizontal, Tensor Vertical, Tensor Diagonal);

/// <summary>
/// pywt.wavedec2's output [cAn, (cHn, cVn, cDn), ..., (cH1, cV1, cD1)]: Details[0] is the coarsest level.
/// <paramref name="SignalShape"/>, when known, is the (height, width) the reconstruction is trimmed back to.
/// </summary>
public sealed record WaveletCoefficients2D(
    Tensor Approximation,
    IReadOnlyList<DetailBands2D> Details,
    Wavelet Wavelet,
    ExtensionMode Mode,
    (int Height, int Width)? SignalShape = null)
{
    public int Levels => Details.Count;

    /// <summary>The detail bands of a level, 1 being the finest.</summary>
    public DetailBands2D DetailsAtLevel(int level) =>
        Details[Levels - WaveletCoefficients1D.Checked(level, Levels)];
}
