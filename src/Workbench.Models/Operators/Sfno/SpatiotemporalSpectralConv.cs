using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Sfno;

/// <summary>
/// Fourier layer over (x, y, t) of [B, c_in, X, Y, T] that also resamples time: [B, c_out, X, Y, T_out] for any T_out.
/// rfftn with the 'forward' normalisation (Fourier-series coefficients, so the same weights mean the same operator at
/// any grid), channel mixing on the kept modes kx, ky in -m..m-1 (the four (+-kx, +-ky) corners) and kt in 0..m_t-1 of
/// the rfft half axis in t, scatter into the spectrum of an X x Y x T_out grid and irfftn back. Values are preserved
/// across resolutions (trigonometric interpolation). Weights are stored real as [c_in, c_out, 2 m_x, 2 m_y, m_t, 2]:
/// along x and y the first m rows are wavenumbers 0..m-1, the last m rows -m..-1. A grid too small for the kept set
/// keeps min(m, n/2) per side in x, y and min(m_t, T/2+1, T_out/2+1) in t, with exactly those wavenumbers' weights.
/// </summary>
public sealed class SpatiotemporalSpectralConv : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;

    public SpatiotemporalSpectralConv(int inChannels, int outChannels, int modesX, int modesY, int modesT)
        : base(nameof(SpatiotemporalSpectralConv))
    {
        if (inChannels < 1 || outChannels < 1)
            throw new WorkbenchException($"spatiotemporal spectral conv: channels must be positive, got {inChannels} -> {outChannels}.");
        if (modesX < 1 || modesY < 1 || modesT < 1)
            throw new WorkbenchException($"spatiotemporal spectral conv: modes must be positive, got {modesX} x {modesY} x {modesT}.");
        // The FNO release's init: real and imaginary parts U[0, 1) / (c_in c_out).
        weight = nn.Parameter(rand([inChannels, outChannels, 2L * modesX, 2L * modesY, modesT, 2]) / (inChannels * (double)outChannels));
        RegisterComponents();
    }

    /// <summary>A layer with the given real weights [c_in, c_out, 2 m_x, 2 m_y, m_t, 2] (copied).</summary>
    public SpatiotemporalSpectralConv(Tensor weights) : base(nameof(SpatiotemporalSpectralConv))
    {
        if (weights.dim() != 6 || weights.shape[^1] != 2 || weights.shape[2] % 2 != 0 || weights.shape[3] % 2 != 0)
            throw new WorkbenchException($"spatiotemporal spectral conv: expected weights [c_in, c_out, 2 m_x, 2 m_y, m_t, 2], got [{string.Join(", ", weights.shape)}].");
        weight = nn.Parameter(weights.detach().clone());
        RegisterComponents();
    }

    public long InChannels => weight.shape[0];
    public long OutChannels => weight.shape[1];
    public long ModesX => weight.shape[2] / 2;
    public long ModesY => weight.shape[3] / 2;
    public long ModesT => weight.shape[4];

    /// <summary>The real weight tensor [c_in, c_out, 2 m_x, 2 m_y, m_t, 2].</summary>
    public Parameter Weight => weight;

    public override Tensor forward(Tensor x) => forward(x, x.shape[^1]);

    public Tensor forward(Tensor x, long outSteps)
    {
        if (x.dim() != 5 || x.shape[1] != InChannels || x.shape[2] < 2 || x.shape[3] < 2)
            throw new WorkbenchException(
                $"spatiotemporal spectral conv: expected input [B, {InChannels}, X >= 2, Y >= 2, T], got [{string.Join(", ", x.shape)}].");
        if (outSteps < 1) throw new WorkbenchException($"spatiotemporal spectral conv: expected a positive output length, got {outSteps}.");
        using var scope = NewDisposeScope();
        long[] dims = [2, 3, 4];
        var (nx, ny, nt) = (x.shape[2], x.shape[3], x.shape[4]);
        var spectrum = fft.rfftn(x, dim: dims, norm: FFTNormType.Forward);
        var kept = new[] { Math.Min(ModesX, nx / 2), Math.Min(ModesY, ny / 2), Math.Min(ModesT, Math.Min(nt / 2 + 1, outSteps / 2 + 1)) };
        var w = (Tensor)weight;
        for (var axis = 2; axis <= 3; axis++)
        {
            var m = weight.shape[axis] / 2;
            var k = kept[axis - 2];
            if (k < m) w = cat([w.narrow(axis, 0, k), w.narrow(axis, 2 * m - k, k)], axis);
        }
        w = w.narrow(4, 0, kept[2]);
        var block = LowPassModes.Gather(spectrum, dims, kept, lastAxisHalf: true);
        var mixed = ModeWiseMatmul.Apply(block, view_as_complex(w.contiguous()).permute(2, 3, 4, 0, 1));
        var full = LowPassModes.Scatter(mixed, dims, [nx, ny, outSteps / 2 + 1], lastAxisHalf: true);
        return fft.irfftn(full, s: [nx, ny, outSteps], dim: dims, norm: FFTNormType.Forward).MoveToOuterDisposeScope();
    }
}
