using TorchSharp;
using Workbench.Core.Runtime;
using static TorchSharp.torch;

namespace Workbench.Spectral.Fourier;

/// <summary>
/// An arbitrary set of Fourier modes over the trailing spectral axes, stored as signed integer wavenumbers so the same
/// set can be gathered from one grid and scattered into a grid of another size. On a full axis of length N the
/// wavenumber f sits at index f mod N; on an rfft half axis (when <see cref="LastAxisHalf"/>) f is its index.
/// </summary>
public sealed class ModeIndexSet
{
    private readonly long[][] _wavenumbers;

    public ModeIndexSet(IEnumerable<long[]> wavenumbers, bool lastAxisHalf)
    {
        _wavenumbers = wavenumbers.Select(w => (long[])w.Clone()).ToArray();
        if (_wavenumbers.Length == 0) throw new ArgumentException("mode set: expected at least one mode.");
        Rank = _wavenumbers[0].Length;
        if (Rank == 0 || _wavenumbers.Any(w => w.Length != Rank))
            throw new ArgumentException("mode set: every mode needs one wavenumber per spectral axis, all of the same count.");
        if (lastAxisHalf && _wavenumbers.Any(w => w[^1] < 0))
            throw new ArgumentException("mode set: wavenumbers on an rfft half axis must be non-negative.");
        if (_wavenumbers.Select(w => string.Join(",", w)).Distinct().Count() != _wavenumbers.Length)
            throw new ArgumentException("mode set: a mode is listed twice.");
        LastAxisHalf = lastAxisHalf;
    }

    public int Rank { get; }
    public int Count => _wavenumbers.Length;
    public bool LastAxisHalf { get; }

    /// <summary>The signed wavenumbers of mode i, one per spectral axis.</summary>
    public long[] Mode(int i) => (long[])_wavenumbers[i].Clone();

    /// <summary>The low-pass corner set of <see cref="LowPassModes"/> (wavenumbers -m..m-1, or 0..m-1 on a half axis), in index order.</summary>
    public static ModeIndexSet LowPass(long[] modes, bool lastAxisHalf)
    {
        IEnumerable<long[]> sets = new[] { Array.Empty<long>() };
        for (var i = 0; i < modes.Length; i++)
        {
            var m = modes[i];
            if (m < 1) throw new ArgumentException($"mode set: axis {i} needs at least one mode, got {m}.");
            var axis = lastAxisHalf && i == modes.Length - 1
                ? Enumerable.Range(0, (int)m).Select(k => (long)k)
                : Enumerable.Range(0, (int)m).Select(k => (long)k).Concat(Enumerable.Range(0, (int)m).Select(k => k - m));
            var current = axis.ToArray();
            sets = sets.SelectMany(prefix => current.Select(k => prefix.Append(k).ToArray())).ToArray();
        }
        return new ModeIndexSet(sets, lastAxisHalf);
    }

    /// <summary>Flat indices (row-major over the spectral axes) of the modes in a spectrum of the given shape.</summary>
    public Tensor FlatIndices(long[] spectrumShape, Device device)
    {
        if (spectrumShape.Length != Rank)
            throw new ArgumentException($"mode set: expected {Rank} spectral axes, got shape [{string.Join(", ", spectrumShape)}].");
        var flat = new long[Count];
        for (var j = 0; j < Count; j++)
        {
            long index = 0;
            for (var i = 0; i < Rank; i++)
            {
                var n = spectrumShape[i];
                var f = _wavenumbers[j][i];
                var half = LastAxisHalf && i == Rank - 1;
                var fits = half ? f < n : f >= -(n / 2) && f < (n + 1) / 2;
                if (!fits)
                    throw new ArgumentException(
                        $"mode set: wavenumber {f} on axis {i} does not fit a {(half ? "half" : "full")} axis of length {n}.");
                index = index * n + (half || f >= 0 ? f : f + n);
            }
            flat[j] = index;
        }
        return DeviceConstants.Indices(flat, device);
    }

    /// <summary>The selected coefficients: [..., Count] from a spectrum [..., spectral axes].</summary>
    public Tensor Gather(Tensor spectrum)
    {
        var shape = SpectralShape(spectrum, "mode set gather");
        var index = FlatIndices(shape, spectrum.device);
        return spectrum.flatten(spectrum.dim() - Rank).index_select(-1, index);
    }

    /// <summary>Places [..., Count] coefficients into a zero spectrum [..., targetSpectrumShape] (differentiable).</summary>
    public Tensor Scatter(Tensor values, long[] targetSpectrumShape)
    {
        if (values.dim() < 1 || values.shape[^1] != Count)
            throw new ArgumentException($"mode set scatter: expected [..., {Count}] coefficients, got {TensorAxes.Shape(values)}.");
        var index = FlatIndices(targetSpectrumShape, values.device);
        var lead = values.shape[..^1];
        var total = targetSpectrumShape.Aggregate(1L, (a, b) => a * b);
        var flat = zeros(lead.Append(total).ToArray(), values.dtype, values.device).index_add(-1, index, values, 1);
        return flat.reshape(lead.Concat(targetSpectrumShape).ToArray());
    }

    private long[] SpectralShape(Tensor spectrum, string what)
    {
        var d = TensorAxes.Trailing(spectrum, Rank, what);
        return d.Select(a => spectrum.shape[a]).ToArray();
    }
}
