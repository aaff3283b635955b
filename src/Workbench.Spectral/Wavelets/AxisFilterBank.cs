using TorchSharp;
using Workbench.Core.Runtime;
using static TorchSharp.torch;

namespace Workbench.Spectral.Wavelets;

/// <summary>
/// One analysis or synthesis level along one axis of a tensor, written polyphase: the even and odd samples of the
/// padded signal are split once, and each filter tap becomes a scaled add of a contiguous slice. On CPU this beats
/// libtorch's strided conv with one input channel by an order of magnitude; it is differentiable, skips the zero taps
/// of the padded biorthogonal filters, and keeps the input's device and dtype (taps enter as scalars).
/// </summary>
internal static class AxisFilterBank
{
    /// <summary>pywt's dwt along <paramref name="axis"/>: (low-pass, high-pass) coefficients.</summary>
    public static (Tensor Low, Tensor High) Analyze(Tensor x, int axis, Wavelet wavelet, ExtensionMode mode)
    {
        using var scope = NewDisposeScope();
        var filterLength = wavelet.Length;
        var signalLength = (int)x.shape[axis];
        var coefficientLength = SignalExtension.CoefficientLength(signalLength, filterLength, mode);
        var (before, after) = SignalExtension.PaddingSources(signalLength, filterLength, mode);
        var padded = mode == ExtensionMode.Zero
            ? ZeroPad(x, axis, before.Length, after.Length)
            : Pad(x, axis, before, after);
        var (even, odd) = Phases(padded, axis);

        Tensor? low = null;
        Tensor? high = null;
        for (var k = 0; k < filterLength; k++)
        {
            var slice = (k % 2 == 0 ? even : odd).narrow(axis, k / 2, coefficientLength);
            low = AddScaled(low, slice, wavelet.DecLo[filterLength - 1 - k]);
            high = AddScaled(high, slice, wavelet.DecHi[filterLength - 1 - k]);
        }

        return (scope.MoveToOuter(low!), scope.MoveToOuter(high!));
    }

    /// <summary>pywt's idwt along <paramref name="axis"/> from equal-shaped low and high coefficients.</summary>
    public static Tensor Synthesize(Tensor low, Tensor high, int axis, Wavelet wavelet, ExtensionMode mode)
    {
        using var scope = NewDisposeScope();
        var filterLength = wavelet.Length;
        var coefficientLength = (int)low.shape[axis];
        var (delay, outputLength) = SignalExtension.Synthesis(coefficientLength, filterLength, mode);
        if (outputLength < 1)
            throw new ArgumentException(
                $"wavelet coefficients: {coefficientLength} per axis is too few to invert {wavelet.PywtName} in mode {mode.PywtName()}.");

        var offset = 0;
        if (mode == ExtensionMode.Periodization)
        {
            offset = SignalExtension.PeriodicCoefficientPadding(filterLength);
            var (before, after) = SignalExtension.WrapSources(coefficientLength, offset);
            low = Pad(low, axis, before, after);
            high = Pad(high, axis, before, after);
        }

        // Output sample 2t + r takes tap k from coefficient t + (r + delay - k) / 2 when that is whole.
        var half = outputLength / 2;
        var phases = new Tensor[2];
        for (var r = 0; r < 2; r++)
        {
            Tensor? sum = null;
            for (var k = (r + delay) % 2; k < filterLength; k += 2)
            {
                var start = offset + (r + delay - k) / 2;
                sum = AddScaled(sum, low.narrow(axis, start, half), wavelet.RecLo[k]);
                sum = AddScaled(sum, high.narrow(axis, start, half), wavelet.RecHi[k]);
            }

            phases[r] = sum!;
        }

        return scope.MoveToOuter(stack(phases, axis + 1).flatten(axis, axis + 1));
    }

    private static Tensor? AddScaled(Tensor? sum, Tensor term, double weight)
    {
        if (weight == 0) return sum;
        return sum is null ? term * weight : sum.add_(term, alpha: weight);
    }

    /// <summary>Even and odd samples along <paramref name="axis"/>, each contiguous along that axis.</summary>
    private static (Tensor Even, Tensor Odd) Phases(Tensor padded, int axis)
    {
        var shape = padded.shape.ToList();
        var length = shape[axis];
        shape[axis] = 2;
        shape.Insert(axis, length / 2);
        var pairs = padded.reshape(shape.ToArray());
        // Along the last axis the phases interleave element by element; one copy makes each phase contiguous.
        if (axis == padded.dim() - 1) pairs = pairs.transpose(axis, axis + 1).contiguous().transpose(axis, axis + 1);
        return (pairs.select(axis + 1, 0), pairs.select(axis + 1, 1));
    }

    private static Tensor Pad(Tensor x, int axis, long[] before, long[] after)
    {
        var parts = new List<Tensor>(3);
        if (before.Length > 0) parts.Add(x.index_select(axis, DeviceConstants.Indices(before, x.device)));
        parts.Add(x);
        if (after.Length > 0) parts.Add(x.index_select(axis, DeviceConstants.Indices(after, x.device)));
        return parts.Count == 1 ? x : cat(parts, axis);
    }

    private static Tensor ZeroPad(Tensor x, int axis, int before, int after)
    {
        var pad = new long[2 * (x.dim() - axis)];
        pad[^2] = before;
        pad[^1] = after;
        return nn.functional.pad(x, pad);
    }
}
