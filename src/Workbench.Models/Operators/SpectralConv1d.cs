using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Operators;

/// <summary>
/// 1-D Fourier layer: rfft, mix channels per retained mode k &lt; modes with complex weights (stored as real
/// [c_in, c_out, modes, 2]), zero the rest, irfft back to the input length. Modes beyond the input's half
/// spectrum are ignored, so the layer runs at any resolution.
/// </summary>
public sealed class SpectralConv1d : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly int _modes;

    public SpectralConv1d(int inChannels, int outChannels, int modes) : base(nameof(SpectralConv1d))
    {
        _modes = modes;
        var scale = 1.0 / (inChannels * outChannels);
        weight = nn.Parameter(rand(inChannels, outChannels, modes, 2) * scale);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var length = x.shape[^1];
        var spectrum = fft.rfft(x, dim: -1);
        var kept = Math.Min(_modes, spectrum.shape[^1]);
        var w = view_as_complex(weight.narrow(2, 0, kept));
        var mixed = einsum("bik,iok->bok", spectrum.narrow(-1, 0, kept), w);
        var padded = nn.functional.pad(mixed, [0, spectrum.shape[^1] - kept]);
        return fft.irfft(padded, length, dim: -1).MoveToOuterDisposeScope();
    }
}
