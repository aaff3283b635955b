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
        var details = new Tensor[levels];
        var approximation = x;
        for (var slot = levels - 1; slot >= 0; slot--)
        {
            var (a, d) = Forward(approximation, wavelet, mode);
            if (!ReferenceEquals(approximation, x)) approximation.Dispose();
            details[slot] = d;
            approximation = a;
        }

        return new WaveletCoefficients1D(approximation, details, wavelet, mode, length);
    }

    /// <summary>pywt.waverec, then trimmed to the decomposed signal's length when the coefficients know it.</summary>
    public static Tensor Reconstruct(WaveletCoefficients1D coefficients)
    {
        using var scope = NewDisposeScope();
        var signal = coefficients.Approximation;
        foreach (var detail in coefficients.Details)
        {
            var approximation = TensorChecks.TrimToDetail(signal, detail, -1, "waverec");
            signal = Inverse(approximation, detail, coefficients.Wavelet, coefficients.Mode);
        }

        if (coefficients.SignalLength is { } length && signal.shape[^1] > length)
            signal = signal.narrow(-1, 0, length);
        return scope.MoveToOuter(ReferenceEquals(signal, coefficients.Approximation) ? signal.alias() : signal);
    }
}
