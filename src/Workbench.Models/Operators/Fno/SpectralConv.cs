using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Fno;

/// <summary>
/// Fourier layer over the last d = modes.Length axes of [B, c_in, n_1, ..., n_d]: rfftn, mix channels on the retained
/// low-pass corners (signed wavenumbers -m_i..m_i-1 on the full axes, 0..m_d-1 on the rfft half axis, the FNO
/// convention of <see cref="LowPassModes"/>), zero the rest, irfftn back to the input size. The complex weights form
/// one block over the gathered corner set, stored real and mode-major as [2 m_1, ..., 2 m_{d-1}, m_d, c_in, c_out, 2]
/// (along a full axis the first m rows are wavenumbers 0..m-1, the last m rows -m..-1): the 2-D case is the published
/// pair of c_in x c_out x m1 x m2 blocks for [:m1, :m2] and [-m1:, :m2], transposed to the modes-first layout.
/// A grid too small for the retained set keeps what it can represent: min(m, n/2) per side on a full axis and
/// min(m, n/2+1) on the half axis, with the weights of exactly those wavenumbers.
/// </summary>
public sealed class SpectralConv : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly int[] _modes;

    public SpectralConv(int inChannels, int outChannels, int[] modes, FnoInit init, long[] initGrid)
        : base(nameof(SpectralConv))
    {
        if (inChannels < 1 || outChannels < 1)
            throw new WorkbenchException($"spectral conv: channels must be positive, got {inChannels} -> {outChannels}.");
        if (modes.Length is < 1 or > 3 || modes.Any(m => m < 1))
            throw new WorkbenchException($"spectral conv: expected 1 to 3 positive mode counts, got [{string.Join(", ", modes)}].");
        if (initGrid.Length != modes.Length || initGrid.Any(n => n < 2))
            throw new WorkbenchException($"spectral conv: the init grid needs {modes.Length} sizes >= 2, got [{string.Join(", ", initGrid)}].");
        _modes = (int[])modes.Clone();
        var shape = modes.Select((m, i) => i < modes.Length - 1 ? 2L * m : m).Concat([inChannels, outChannels, 2]).ToArray();
        weight = init switch
        {
            FnoInit.Naive => nn.Parameter(rand(shape) / (inChannels * (double)outChannels)),
            FnoInit.VariancePreserving => nn.Parameter(randn(shape) * SpectralInitScale.RealPartStd(inChannels, modes, initGrid)),
            _ => throw new WorkbenchException($"spectral conv: unknown init {init}."),
        };
        RegisterComponents();
    }

    public IReadOnlyList<int> Modes => _modes;

    public override Tensor forward(Tensor x)
    {
        var d = _modes.Length;
        var inChannels = weight.shape[d];
        if (x.dim() != d + 2 || x.shape[1] != inChannels)
            throw new WorkbenchException(
                $"spectral conv: expected input [B, {inChannels}, {d} spatial sizes], got [{string.Join(", ", x.shape)}].");
        using var scope = NewDisposeScope();
        var dims = Enumerable.Range(2, d).Select(i => (long)i).ToArray();
        var sizes = x.shape.Skip(2).ToArray();
        if (sizes.Take(d - 1).Any(n => n < 2))
            throw new WorkbenchException($"spectral conv: full axes need at least 2 points, got [{string.Join(", ", sizes)}].");
        var spectrum = fft.rfftn(x, dim: dims);
        var kept = new long[d];
        var w = (Tensor)weight;
        for (var i = 0; i < d; i++)
        {
            var m = _modes[i];
            if (i == d - 1)
            {
                kept[i] = Math.Min(m, sizes[i] / 2 + 1);
                w = w.narrow(i, 0, kept[i]);
            }
            else
            {
                kept[i] = Math.Min(m, sizes[i] / 2);
                if (kept[i] < m)
                    w = cat(new[] { w.narrow(i, 0, kept[i]), w.narrow(i, 2 * m - kept[i], kept[i]) }, i);
            }
        }
        var block = LowPassModes.Gather(spectrum, dims, kept, lastAxisHalf: true);
        var mixed = ModeWiseMatmul.Apply(block, view_as_complex(w.contiguous()));
        var full = LowPassModes.Scatter(mixed, dims, Wavenumbers.SpectrumShape(sizes, lastAxisHalf: true), lastAxisHalf: true);
        return fft.irfftn(full, s: sizes, dim: dims).MoveToOuterDisposeScope();
    }
}
