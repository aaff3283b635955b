using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Spectral.Fourier;

/// <summary>
/// Discrete Fourier transforms over chosen dims. Thin over <c>torch.fft</c>; they validate dims once and make the
/// real inverse take the physical sizes explicitly, because an rfft half axis of length n/2+1 cannot tell an even
/// size from the odd size below it.
/// </summary>
public static class FourierTransforms
{
    public static Tensor Forward(Tensor x, long[] dims, FFTNormType norm = FFTNormType.Backward) =>
        fft.fftn(x, dim: TensorAxes.Normalize(x, dims, "Fourier forward"), norm: norm);

    public static Tensor Inverse(Tensor spectrum, long[] dims, FFTNormType norm = FFTNormType.Backward) =>
        fft.ifftn(spectrum, dim: TensorAxes.Normalize(spectrum, dims, "Fourier inverse"), norm: norm);

    /// <summary>Real-input transform; the last entry of <paramref name="dims"/> becomes the half axis (n/2+1).</summary>
    public static Tensor RealForward(Tensor x, long[] dims, FFTNormType norm = FFTNormType.Backward)
    {
        TensorAxes.RequireReal(x, "real Fourier forward");
        return fft.rfftn(x, dim: TensorAxes.Normalize(x, dims, "real Fourier forward"), norm: norm);
    }

    /// <summary>Inverse of <see cref="RealForward"/>; <paramref name="sizes"/> are the physical sizes along <paramref name="dims"/>.</summary>
    public static Tensor RealInverse(Tensor spectrum, long[] dims, long[] sizes, FFTNormType norm = FFTNormType.Backward)
    {
        var d = TensorAxes.Normalize(spectrum, dims, "real Fourier inverse");
        if (sizes.Length != d.Length)
            throw new ArgumentException($"real Fourier inverse: {sizes.Length} sizes given for {d.Length} dims.");
        var half = spectrum.shape[d[^1]];
        if (sizes[^1] / 2 + 1 != half)
            throw new ArgumentException(
                $"real Fourier inverse: the half axis has {half} entries, which does not fit a last size of {sizes[^1]} (expected {sizes[^1] / 2 + 1}).");
        return fft.irfftn(spectrum, s: sizes, dim: d, norm: norm);
    }
}
