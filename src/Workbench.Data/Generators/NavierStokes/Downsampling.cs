using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>How solver-resolution fields are brought to the output resolution.</summary>
public enum Downsampling
{
    /// <summary>
    /// Keep the Fourier modes with |k_x| &lt; s/2 and |k_y| &lt; s/2 exactly and set the coarse grid's Nyquist row and
    /// column to zero: the L2 projection onto the trigonometric polynomials an s-point grid represents without
    /// ambiguity. Nothing aliases.
    /// </summary>
    SpectralTruncation,

    /// <summary>Take every (S/s)-th grid point; modes above s/2 alias onto lower ones.</summary>
    Subsample,
}

public static class FieldDownsampler
{
    /// <summary>Physical fields [B, s, s] from spectra [B, S, S/2 + 1] of an S-point grid by spectral truncation.</summary>
    public static Tensor Truncate(Tensor spectrum, int solverResolution, int outputResolution)
    {
        if (outputResolution == solverResolution) return fft.irfft2(spectrum, s: [solverResolution, solverResolution]);
        using var scope = NewDisposeScope();
        var keep = outputResolution / 2;
        var batch = spectrum.shape[0];
        var coarse = zeros([batch, outputResolution, keep + 1], spectrum.dtype, spectrum.device);
        coarse.narrow(1, 0, keep).narrow(2, 0, keep).copy_(spectrum.narrow(1, 0, keep).narrow(2, 0, keep));
        coarse.narrow(1, keep + 1, keep - 1).narrow(2, 0, keep)
            .copy_(spectrum.narrow(1, solverResolution - keep + 1, keep - 1).narrow(2, 0, keep));
        var ratio = (double)outputResolution / solverResolution;
        return fft.irfft2(coarse.mul_(ratio * ratio), s: [outputResolution, outputResolution]).MoveToOuterDisposeScope();
    }

    /// <summary>Every (S/s)-th point of fields [B, S, S].</summary>
    public static Tensor Subsample(Tensor fields, int outputResolution)
    {
        var stride = fields.shape[^1] / outputResolution;
        return fields[TensorIndex.Ellipsis, TensorIndex.Slice(null, null, stride), TensorIndex.Slice(null, null, stride)].contiguous();
    }

    /// <summary>Fields [B, s, s] at the output resolution from spectra [B, S, S/2 + 1].</summary>
    public static Tensor FromSpectrum(Tensor spectrum, int solverResolution, int outputResolution, Downsampling method)
    {
        if (method == Downsampling.SpectralTruncation) return Truncate(spectrum, solverResolution, outputResolution);
        using var full = fft.irfft2(spectrum, s: [solverResolution, solverResolution]);
        return Subsample(full, outputResolution);
    }
}
