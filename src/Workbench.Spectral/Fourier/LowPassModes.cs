using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Spectral.Fourier;

/// <summary>
/// Low-pass mode selection on spectra in FFT order, over any number of axes (1, 2, 3, ...). With m retained modes a
/// full axis of length N keeps indices [0, m-1] and [N-m, N-1], i.e. the signed integer wavenumbers -m..m-1 (the FNO
/// convention), and an rfft half axis keeps [0, m-1]. Shapes here are spectrum shapes (a half axis has n/2+1 entries).
/// The kept set is a product of per-axis sets, so the mask, the gather and the scatter all work axis by axis.
/// </summary>
public static class LowPassModes
{
    /// <summary>
    /// Retained counts for a fraction in (0, 1] of each axis: ceil(fraction * N/2) on a full axis (fraction 1 keeps
    /// every mode) and ceil(fraction * n_half) on the half axis; at least one mode per axis.
    /// </summary>
    public static long[] FromFraction(long[] spectrumShape, double fraction, bool lastAxisHalf)
    {
        if (!(fraction > 0 && fraction <= 1))
            throw new ArgumentException($"low-pass fraction: expected a value in (0, 1], got {fraction}.");
        return spectrumShape.Select((n, i) =>
        {
            var half = lastAxisHalf && i == spectrumShape.Length - 1;
            var m = (long)Math.Ceiling(fraction * (half ? n : n / 2.0) - 1e-12);
            return Math.Max(1, m);
        }).ToArray();
    }

    /// <summary>Boolean mask of the retained modes over a spectrum of shape <paramref name="spectrumShape"/>.</summary>
    public static Tensor Mask(long[] spectrumShape, long[] modes, bool lastAxisHalf, Device device)
    {
        RequireModes(spectrumShape, modes, lastAxisHalf, blocks: false);
        Tensor? mask = null;
        for (var i = 0; i < spectrumShape.Length; i++)
        {
            var keep = AxisKeep(spectrumShape[i], modes[i], lastAxisHalf && i == spectrumShape.Length - 1, device);
            var axis = TensorAxes.AlongAxis(keep, i, spectrumShape.Length);
            mask = mask is null ? axis : mask.logical_and(axis);
        }
        return mask!.expand(spectrumShape).contiguous();
    }

    /// <summary>Zeroes every mode outside the retained set along <paramref name="dims"/> (differentiable).</summary>
    public static Tensor Apply(Tensor spectrum, long[] dims, long[] modes, bool lastAxisHalf)
    {
        var d = TensorAxes.Normalize(spectrum, dims, "low-pass mask");
        var shape = d.Select(a => spectrum.shape[a]).ToArray();
        RequireModes(shape, modes, lastAxisHalf, blocks: false);
        Tensor? keep = null;
        for (var i = 0; i < d.Length; i++)
        {
            var axis = TensorAxes.AlongAxis(AxisKeep(shape[i], modes[i], lastAxisHalf && i == d.Length - 1, spectrum.device), d[i], spectrum.dim());
            keep = keep is null ? axis : keep.logical_and(axis);
        }
        return spectrum.masked_fill(keep!.logical_not(), 0);
    }

    /// <summary>
    /// The retained block: along a full axis the m lowest non-negative then the m negative wavenumbers (2m entries,
    /// in FFT order), along the half axis the first m. Requires 2m &lt;= N on full axes so the corners do not overlap.
    /// </summary>
    public static Tensor Gather(Tensor spectrum, long[] dims, long[] modes, bool lastAxisHalf)
    {
        var d = TensorAxes.Normalize(spectrum, dims, "low-pass gather");
        var shape = d.Select(a => spectrum.shape[a]).ToArray();
        RequireModes(shape, modes, lastAxisHalf, blocks: true);
        var block = spectrum;
        for (var i = 0; i < d.Length; i++)
        {
            var n = shape[i];
            var m = modes[i];
            block = lastAxisHalf && i == d.Length - 1
                ? block.narrow(d[i], 0, m)
                : cat(new[] { block.narrow(d[i], 0, m), block.narrow(d[i], n - m, m) }, d[i]);
        }
        return block;
    }

    /// <summary>
    /// Inverse of <see cref="Gather"/> into a zero spectrum of any shape that holds the block: the non-negative part goes
    /// to [0, m-1], the negative part to [N'-m, N'-1] of each full axis of length N'. Differentiable in the block.
    /// </summary>
    public static Tensor Scatter(Tensor block, long[] dims, long[] targetSpectrumShape, bool lastAxisHalf)
    {
        var d = TensorAxes.Normalize(block, dims, "low-pass scatter");
        if (targetSpectrumShape.Length != d.Length)
            throw new ArgumentException($"low-pass scatter: {targetSpectrumShape.Length} target sizes given for {d.Length} dims.");
        var result = block;
        for (var i = 0; i < d.Length; i++)
        {
            var axis = d[i];
            var n = targetSpectrumShape[i];
            var size = result.shape[axis];
            var half = lastAxisHalf && i == d.Length - 1;
            if (half)
            {
                if (size > n)
                    throw new ArgumentException($"low-pass scatter: a block of {size} half-axis modes does not fit a half axis of {n}.");
                result = cat(new[] { result, Zeros(result, axis, n - size) }, axis);
                continue;
            }
            if (size % 2 != 0 || size > n)
                throw new ArgumentException(
                    $"low-pass scatter: a full-axis block must hold 2m entries with 2m <= {n}, got {size} along dim {axis}.");
            var m = size / 2;
            result = cat(new[] { result.narrow(axis, 0, m), Zeros(result, axis, n - 2 * m), result.narrow(axis, m, m) }, axis);
        }
        return result;
    }

    private static Tensor Zeros(Tensor like, long axis, long count)
    {
        var shape = (long[])like.shape.Clone();
        shape[axis] = count;
        return zeros(shape, like.dtype, like.device);
    }

    private static Tensor AxisKeep(long n, long m, bool half, Device device)
    {
        var index = arange(n, ScalarType.Int64, device);
        return half ? index < m : (index < m).logical_or(index >= n - m);
    }

    private static void RequireModes(long[] shape, long[] modes, bool lastAxisHalf, bool blocks)
    {
        if (shape.Length == 0)
            throw new ArgumentException("low-pass modes: expected at least one spectral axis.");
        if (modes.Length != shape.Length)
            throw new ArgumentException($"low-pass modes: {modes.Length} mode counts given for {shape.Length} spectral axes.");
        for (var i = 0; i < shape.Length; i++)
        {
            var half = lastAxisHalf && i == shape.Length - 1;
            var limit = half ? shape[i] : blocks ? shape[i] / 2 : (shape[i] + 1) / 2;
            if (modes[i] < 1 || modes[i] > limit)
                throw new ArgumentException(
                    $"low-pass modes: axis {i} of length {shape[i]} ({(half ? "half" : "full")}) keeps 1..{limit} modes, got {modes[i]}.");
        }
    }
}
