using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Runtime;
using Workbench.Spectral.Cosine;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Adaptive frequency modulation (AFMM) on [B, C, H, W]: the orthonormal 2-D DCT of every w x w window of every channel
/// (the map is replicate-padded to a multiple of w and cropped back, so any size works), coefficients multiplied by a
/// gain, inverse DCT. gain[c, u, v] = static[c, u, v] * 2 sigmoid(m[c, band(u, v)]) with band(u, v) = u + v (2w - 1
/// bands, coarse to fine) and m an MLP (C * bands -> hidden -> C * bands, GELU) of the image's mean |coefficient| per
/// channel and band, i.e. content-adaptive. A gain of 1 everywhere is the identity, so the module refines around it.
/// </summary>
public sealed class Afmm : nn.Module<Tensor, Tensor>
{
    private readonly Parameter static_gain;
    private readonly Sequential gain_mlp;
    private readonly int _channels;
    private readonly int _window;
    private readonly int _bands;

    public Afmm(int channels, int window, int hidden) : base(nameof(Afmm))
    {
        _channels = channels;
        _window = window;
        _bands = 2 * window - 1;
        static_gain = nn.Parameter(ones(channels, window, window));
        gain_mlp = nn.Sequential(nn.Linear(channels * _bands, hidden), nn.GELU(), nn.Linear(hidden, channels * _bands));
        RegisterComponents();
    }

    /// <summary>Unit gains everywhere: static gains 1 and a silent MLP (2 sigmoid(0) = 1), so the module is the identity.</summary>
    public void StartAsIdentity()
    {
        using var _ = no_grad();
        static_gain.fill_(1);
        var last = (Linear)gain_mlp.children().Last();
        last.weight.zero_();
        last.bias!.zero_();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (batch, height, width) = (x.shape[0], x.shape[2], x.shape[3]);
        var w = _window;
        var (rows, columns) = ((height + w - 1) / w, (width + w - 1) / w);
        var padded = nn.functional.pad(x, [0, columns * w - width, 0, rows * w - height], PaddingModes.Replicate);
        // [B, C, rows, columns, w, w]
        var windows = padded.unflatten(3, columns, w).unflatten(2, rows, w).permute(0, 1, 2, 4, 3, 5);
        var dct = DctMatrix.Full(w, x.dtype, x.device);
        var coefficients = dct.matmul(windows).matmul(dct.t());

        var (bandOf, bandMean) = Bands(x.dtype, x.device);
        var energy = coefficients.abs().mean([2, 3]).flatten(2).matmul(bandMean);
        var modulation = gain_mlp.forward(energy.flatten(1)).view(batch, _channels, _bands).index_select(2, bandOf);
        var gain = static_gain.view(_channels, 1, 1, w, w) * 2 * modulation.sigmoid().view(batch, _channels, 1, 1, w, w);

        var filtered = dct.t().matmul(gain * coefficients).matmul(dct);
        var output = filtered.permute(0, 1, 2, 4, 3, 5).reshape(batch, _channels, rows * w, columns * w);
        return output.narrow(2, 0, height).narrow(3, 0, width).MoveToOuterDisposeScope();
    }

    /// <summary>The band of each of the w*w frequencies (row-major), and the [w*w, bands] matrix averaging within bands.</summary>
    private (Tensor BandOf, Tensor BandMean) Bands(ScalarType dtype, Device device)
    {
        var bandOf = new long[_window * _window];
        var sizes = new int[_bands];
        for (var u = 0; u < _window; u++)
            for (var v = 0; v < _window; v++)
            {
                bandOf[u * _window + v] = u + v;
                sizes[u + v]++;
            }
        var mean = new double[_window * _window * _bands];
        for (var f = 0; f < bandOf.Length; f++) mean[f * _bands + bandOf[f]] = 1.0 / sizes[bandOf[f]];
        return (DeviceConstants.Indices(bandOf, device), DeviceConstants.Values(mean, [bandOf.Length, _bands], dtype, device));
    }
}
