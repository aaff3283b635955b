using static TorchSharp.torch;

namespace Workbench.Spectral.Wavelets;

/// <summary>
/// 2-D discrete wavelet transform over the last two axes of [..., H, W], batched over the leading axes
/// (pywt dwt2/wavedec2 with axes (-2, -1)): rows are filtered along the width, then columns along the height.
/// </summary>
public static class Dwt2D
{
    /// <summary>One level: (cA, (cH, cV, cD)), each [..., Hc, Wc].</summary>
    public static (Tensor Approximation, DetailBands2D Details) Forward(Tensor x, Wavelet wavelet, ExtensionMode mode)
    {
        TensorChecks.RequireSignal(x, 2, "dwt2 input");
        using var scope = NewDisposeScope();
        var leading = x.shape[..^2];
        var (lowW, highW) = AxisFilterBank.Analyze(x.reshape(-1, x.shape[^2], x.shape[^1]), 2, wavelet, mode);
        var (approximation, horizontal) = AxisFilterBank.Analyze(lowW, 1, wavelet, mode);
        var (vertical, diagonal) = AxisFilterBank.Analyze(highW, 1, wavelet, mode);
        var shape = TensorChecks.WithTail(leading, approximation.shape[^2], approximation.shape[^1]);
        Tensor Out(Tensor band) => scope.MoveToOuter(band.reshape(shape));
        return (Out(approximation), new DetailBands2D(Out(horizontal), Out(vertical), Out(diagonal)));
    }

    /// <summary>One level of pywt.idwt2; all four bands must have the same shape.</summary>
    public static Tensor Inverse(Tensor approximation, DetailBands2D details, Wavelet wavelet, ExtensionMode mode)
    {
        TensorChecks.RequireSignal(approximation, 2, "idwt2 approximation");
        TensorChecks.RequireSameShape(approximation, details.Horizontal, "idwt2 coefficients");
        TensorChecks.RequireSameShape(approximation, details.Vertical, "idwt2 coefficients");
        TensorChecks.RequireSameShape(approximation, details.Diagonal, "idwt2 coefficients");
        using var scope = NewDisposeScope();
        var leading = approximation.shape[..^2];
        var (height, width) = (approximation.shape[^2], approximation.shape[^1]);
        Tensor Flat(Tensor t) => t.reshape(-1, height, width);
        var lowW = AxisFilterBank.Synthesize(Flat(approximation), Flat(details.Horizontal), 1, wavelet, mode);
        var highW = AxisFilterBank.Synthesize(Flat(details.Vertical), Flat(details.Diagonal), 1, wavelet, mode);
        var signal = AxisFilterBank.Synthesize(lowW, highW, 2, wavelet, mode);
        return scope.MoveToOuter(signal.reshape(TensorChecks.WithTail(leading, signal.shape[^2], signal.shape[^1])));
    }

    /// <summary>pywt.wavedec2 with <paramref name="levels"/> in 1..pywt.dwt_max_level of the shorter axis.</summary>
    public static WaveletCoefficients2D Decompose(Tensor x, Wavelet wavelet, int levels, ExtensionMode mode)
    {
        TensorChecks.RequireSignal(x, 2, "wavedec2 input");
        var (height, width) = ((int)x.shape[^2], (int)x.shape[^1]);
        TensorChecks.RequireLevels(levels, wavelet, Math.Min(height, width), "wavedec2");
        using var scope = NewDisposeScope();
        var leading = x.shape[..^2];
        // Flat layout: [A, H_n, V_n, D_n, ..., H_1, V_1, D_1], each [batch, h, w].
        var flat = BatchChunks.Map([x.reshape(-1, height, width)], chunk => DecomposeFlat(chunk[0], wavelet, levels, mode));
        Tensor Out(Tensor band) => scope.MoveToOuter(band.reshape(TensorChecks.WithTail(leading, band.shape[^2], band.shape[^1])));
        var details = Enumerable.Range(0, levels)
            .Select(i => new DetailBands2D(Out(flat[1 + 3 * i]), Out(flat[2 + 3 * i]), Out(flat[3 + 3 * i])))
            .ToList();
        return new WaveletCoefficients2D(Out(flat[0]), details, wavelet, mode, (height, width));
    }

    /// <summary>pywt.waverec2, then trimmed to the decomposed signal's shape when the coefficients know it.</summary>
    public static Tensor Reconstruct(WaveletCoefficients2D coefficients)
    {
        using var scope = NewDisposeScope();
        var leading = coefficients.Approximation.shape[..^2];
        Tensor Flat(Tensor band) => band.reshape(-1, band.shape[^2], band.shape[^1]);
        var bands = new List<Tensor> { Flat(coefficients.Approximation) };
        foreach (var level in coefficients.Details)
            bands.AddRange([Flat(level.Horizontal), Flat(level.Vertical), Flat(level.Diagonal)]);
        var signal = BatchChunks.Map([.. bands], chunk => [ReconstructFlat(chunk, coefficients)])[0];
        return scope.MoveToOuter(signal.reshape(TensorChecks.WithTail(leading, signal.shape[^2], signal.shape[^1])));
    }

    private static Tensor[] DecomposeFlat(Tensor x, Wavelet wavelet, int levels, ExtensionMode mode)
    {
        var flat = new Tensor[1 + 3 * levels];
        var approximation = x;
        for (var slot = levels - 1; slot >= 0; slot--)
        {
            var (a, d) = Forward(approximation, wavelet, mode);
            (flat[1 + 3 * slot], flat[2 + 3 * slot], flat[3 + 3 * slot]) = (d.Horizontal, d.Vertical, d.Diagonal);
            approximation = a;
        }

        flat[0] = approximation;
        return flat;
    }

    private static Tensor ReconstructFlat(Tensor[] flat, WaveletCoefficients2D coefficients)
    {
        var signal = flat[0];
        for (var i = 0; i < coefficients.Levels; i++)
        {
            var bands = new DetailBands2D(flat[1 + 3 * i], flat[2 + 3 * i], flat[3 + 3 * i]);
            var approximation = TensorChecks.TrimToDetail(signal, bands.Horizontal, -2, "waverec2");
            approximation = TensorChecks.TrimToDetail(approximation, bands.Horizontal, -1, "waverec2");
            signal = Inverse(approximation, bands, coefficients.Wavelet, coefficients.Mode);
        }

        if (coefficients.SignalShape is { } shape)
        {
            if (signal.shape[^2] > shape.Height) signal = signal.narrow(-2, 0, shape.Height);
            if (signal.shape[^1] > shape.Width) signal = signal.narrow(-1, 0, shape.Width);
        }

        return ReferenceEquals(signal, flat[0]) ? signal.alias() : signal;
    }
}
