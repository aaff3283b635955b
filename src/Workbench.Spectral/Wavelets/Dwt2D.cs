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
        var (height, width) = (x.shape[^2], x.shape[^1]);
        var alongWidth = AxisFilterBank.Analyze(x.reshape(-1, 1, height, width), wavelet, mode, AxisFilterBank.Width);
        var columns = alongWidth.reshape(-1, 1, height, alongWidth.shape[^1]);
        var bands = AxisFilterBank.Analyze(columns, wavelet, mode, AxisFilterBank.Height);
        // bands: [batch * 2 (low/high along width), 2 (low/high along height), Hc, Wc]
        var shape = TensorChecks.WithTail(leading, bands.shape[^2], bands.shape[^1]);
        var quads = bands.reshape(-1, 2, 2, bands.shape[^2], bands.shape[^1]);
        Tensor Band(int widthBand, int heightBand) =>
            scope.MoveToOuter(quads.select(1, widthBand).select(1, heightBand).reshape(shape));
        var approximation = Band(0, 0);
        var details = new DetailBands2D(Band(0, 1), Band(1, 0), Band(1, 1));
        return (approximation, details);
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
        var lowAlongWidth = stack([Flat(approximation), Flat(details.Horizontal)], 1);
        var highAlongWidth = stack([Flat(details.Vertical), Flat(details.Diagonal)], 1);
        var bands = stack([lowAlongWidth, highAlongWidth], 1).reshape(-1, 2, height, width);
        var columns = AxisFilterBank.Synthesize(bands, wavelet, mode, AxisFilterBank.Height);
        var rows = columns.reshape(-1, 2, columns.shape[^2], width);
        var signal = AxisFilterBank.Synthesize(rows, wavelet, mode, AxisFilterBank.Width);
        return scope.MoveToOuter(signal.reshape(TensorChecks.WithTail(leading, signal.shape[^2], signal.shape[^1])));
    }

    /// <summary>pywt.wavedec2 with <paramref name="levels"/> in 1..pywt.dwt_max_level of the shorter axis.</summary>
    public static WaveletCoefficients2D Decompose(Tensor x, Wavelet wavelet, int levels, ExtensionMode mode)
    {
        TensorChecks.RequireSignal(x, 2, "wavedec2 input");
        var (height, width) = ((int)x.shape[^2], (int)x.shape[^1]);
        TensorChecks.RequireLevels(levels, wavelet, Math.Min(height, width), "wavedec2");
        var details = new DetailBands2D[levels];
        var approximation = x;
        for (var slot = levels - 1; slot >= 0; slot--)
        {
            var (a, d) = Forward(approximation, wavelet, mode);
            if (!ReferenceEquals(approximation, x)) approximation.Dispose();
            details[slot] = d;
            approximation = a;
        }

        return new WaveletCoefficients2D(approximation, details, wavelet, mode, (height, width));
    }

    /// <summary>pywt.waverec2, then trimmed to the decomposed signal's shape when the coefficients know it.</summary>
    public static Tensor Reconstruct(WaveletCoefficients2D coefficients)
    {
        using var scope = NewDisposeScope();
        var signal = coefficients.Approximation;
        foreach (var bands in coefficients.Details)
        {
            var approximation = TensorChecks.TrimToDetail(signal, bands.Horizontal, -2, "waverec2");
            approximation = TensorChecks.TrimToDetail(approximation, bands.Horizontal, -1, "waverec2");
            signal = Inverse(approximation, bands, coefficients.Wavelet, coefficients.Mode);
        }

        if (coefficients.SignalShape is { } shape)
        {
            if (signal.shape[^2] > shape.Height) signal = signal.narrow(-2, 0, shape.Height);
            if (signal.shape[^1] > shape.Width) signal = signal.narrow(-1, 0, shape.Width);
        }

        return scope.MoveToOuter(ReferenceEquals(signal, coefficients.Approximation) ? signal.alias() : signal);
    }
}
