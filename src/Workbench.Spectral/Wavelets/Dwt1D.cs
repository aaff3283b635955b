using static TorchSharp.torch;

namespace Workbench.Spectral.Wavelets;

/// <summary>1-D discrete wavelet transform along the last axis of [..., N], batched over the leading axes (pywt dwt/wavedec).</summary>
public static class Dwt1D
{
    /// <summary>One level: (cA, cD), each [..., floor((N + F - 1) / 2)] or [..., ceil(N / 2)] in periodization.</summary>
    public static (Tensor Approximation, Tensor Detail) Forward(Tensor x, Wavelet wavelet, ExtensionMode mode)
    {
        TensorChecks.RequireSignal(x, 1, "dwt input");
        using var scope = NewDisposeScope();
        var leading = x.shape[..^1];
        var (low, high) = AxisFilterBank.Analyze(x.reshape(-1, x.shape[^1]), 1, wavelet, mode);
        var shape = TensorChecks.WithTail(leading, low.shape[^1]);
        return (scope.MoveToOuter(low.reshape(shape)), scope.MoveToOuter(high.reshape(shape)));
    }

    /// <summary>One level of pywt.idwt: 2n - F + 2 samples (2n in periodization).</summary>
    public static Tensor Inverse(Tensor approximation, Tensor detail, Wavelet wavelet, ExtensionMode mode)
    {
        TensorChecks.RequireSignal(approximation, 1, "idwt approximation");
        TensorChecks.RequireSameShape(approximation, detail, "idwt coefficients");
        using var scope = NewDisposeScope();
        var leading = approximation.shape[..^1];
        var n = approximation.shape[^1];
        var signal = AxisFilterBank.Synthesize(approximation.reshape(-1, n), detail.reshape(-1, n), 1, wavelet, mode);
        return scope.MoveToOuter(signal.reshape(TensorChecks.WithTail(leading, signal.shape[^1])));
    }

    /// <summary>pywt.wavedec with <paramref name="levels"/> in 1..pywt.dwt_max_level.</summary>
    public static WaveletCoefficients1D Decompose(Tensor x, Wavelet wavelet, int levels, ExtensionMode mode)
    {
        TensorChecks.RequireSignal(x, 1, "wavedec input");
        var length = (int)x.shape[^1];
        TensorChecks.RequireLevels(levels, wavelet, length, "wavedec");
        using var scope = NewDisposeScope();
        var leading = x.shape[..^1];
        // Flat layout: [A, D_n, ..., D_1], each [batch, n].
        var flat = BatchChunks.Map([x.reshape(-1, length)], chunk => DecomposeFlat(chunk[0], wavelet, levels, mode));
        Tensor Out(Tensor band) => scope.MoveToOuter(band.reshape(TensorChecks.WithTail(leading, band.shape[^1])));
        return new WaveletCoefficients1D(Out(flat[0]), flat.Skip(1).Select(Out).ToList(), wavelet, mode, length);
    }

    /// <summary>pywt.waverec, then trimmed to the decomposed signal's length when the coefficients know it.</summary>
    public static Tensor Reconstruct(WaveletCoefficients1D coefficients)
    {
        using var scope = NewDisposeScope();
        var leading = coefficients.Approximation.shape[..^1];
        Tensor[] flat = [.. new[] { coefficients.Approximation }.Concat(coefficients.Details).Select(t => t.reshape(-1, t.shape[^1]))];
        var signal = BatchChunks.Map(flat, chunk => [ReconstructFlat(chunk, coefficients)])[0];
        return scope.MoveToOuter(signal.reshape(TensorChecks.WithTail(leading, signal.shape[^1])));
    }

    private static Tensor[] DecomposeFlat(Tensor x, Wavelet wavelet, int levels, ExtensionMode mode)
    {
        var flat = new Tensor[1 + levels];
        var approximation = x;
        for (var slot = levels - 1; slot >= 0; slot--)
        {
            (approximation, flat[1 + slot]) = Forward(approximation, wavelet, mode);
        }

        flat[0] = approximation;
        return flat;
    }

    private static Tensor ReconstructFlat(Tensor[] flat, WaveletCoefficients1D coefficients)
    {
        var signal = flat[0];
        foreach (var detail in flat.Skip(1))
        {
            var approximation = TensorChecks.TrimToDetail(signal, detail, -1, "waverec");
            signal = Inverse(approximation, detail, coefficients.Wavelet, coefficients.Mode);
        }

        if (coefficients.SignalLength is { } length && signal.shape[^1] > length)
            signal = signal.narrow(-1, 0, length);
        return ReferenceEquals(signal, flat[0]) ? signal.alias() : signal;
    }
}
