using TorchSharp;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Spectral.Wavelets;

/// <summary>
/// One analysis or synthesis level along the height (dim 2) or width (dim 3) axis of an [N, C, H, W] tensor, as a
/// strided conv2d / conv_transpose2d with a 1-D kernel, so autograd and any device or dtype work unchanged.
/// </summary>
internal static class AxisFilterBank
{
    public const int Height = 2;
    public const int Width = 3;

    /// <summary>[N, 1, H, W] -> [N, 2, ...]: channel 0 the low-pass, channel 1 the high-pass band along <paramref name="axis"/>.</summary>
    public static Tensor Analyze(Tensor x, Wavelet wavelet, ExtensionMode mode, int axis)
    {
        using var scope = NewDisposeScope();
        var length = (int)x.shape[axis];
        var padded = Extend(x, length, wavelet.Length, mode, axis);
        var taps = wavelet.DecLo.Reverse().Concat(wavelet.DecHi.Reverse()).ToArray();
        var weight = Kernel(taps, wavelet.Length, axis, x);
        var strides = axis == Height ? new long[] { 2, 1 } : new long[] { 1, 2 };
        return scope.MoveToOuter(nn.functional.conv2d(padded, weight, strides: strides));
    }

    /// <summary>[N, 2, ...] (low, high along <paramref name="axis"/>) -> [N, 1, ...], pywt's idwt along that axis.</summary>
    public static Tensor Synthesize(Tensor bands, Wavelet wavelet, ExtensionMode mode, int axis)
    {
        using var scope = NewDisposeScope();
        var filterLength = wavelet.Length;
        var coefficientLength = (int)bands.shape[axis];
        var (start, length) = SignalExtension.SynthesisWindow(coefficientLength, filterLength, mode);
        if (length < 1)
            throw new WorkbenchException(
                $"wavelet coefficients: {coefficientLength} per axis is too few to invert {wavelet.PywtName} in mode {mode.PywtName()}.");

        if (mode == ExtensionMode.Periodization)
        {
            var padding = SignalExtension.PeriodicCoefficientPadding(filterLength);
            var wrap = SignalExtension.PeriodicCoefficientIndices(coefficientLength, padding);
            bands = bands.index_select(axis, tensor(wrap, device: bands.device));
        }

        var taps = wavelet.RecLo.Concat(wavelet.RecHi).ToArray();
        var weight = Kernel(taps, filterLength, axis, bands);
        var strides = axis == Height ? new long[] { 2, 1 } : new long[] { 1, 2 };
        var full = nn.functional.conv_transpose2d(bands, weight, strides: strides);
        return scope.MoveToOuter(full.narrow(axis, start, length));
    }

    private static Tensor Extend(Tensor x, int length, int filterLength, ExtensionMode mode, int axis)
    {
        if (mode == ExtensionMode.Zero)
        {
            var (before, after) = SignalExtension.ZeroPadding(length, filterLength);
            var pad = axis == Height ? new long[] { 0, 0, before, after } : new long[] { before, after };
            return nn.functional.pad(x, pad);
        }

        var indices = SignalExtension.SourceIndices(length, filterLength, mode);
        return x.index_select(axis, tensor(indices, device: x.device));
    }

    /// <summary>Two filters of <paramref name="filterLength"/> taps as a [2, 1, F, 1] or [2, 1, 1, F] kernel like <paramref name="like"/>.</summary>
    private static Tensor Kernel(double[] taps, int filterLength, int axis, Tensor like)
    {
        var shape = axis == Height ? new long[] { 2, 1, filterLength, 1 } : new long[] { 2, 1, 1, filterLength };
        return tensor(taps, dtype: like.dtype, device: like.device).reshape(shape);
    }
}
