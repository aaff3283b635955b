using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Fno;

/// <summary>
/// Fourier layer over the last d = 1, 2 or 3 axes of [B, c_in, n_1, ..., n_d]: rfftn, mix channels on the retained
/// low-pass corners (signed wavenumbers -m_i..m_i-1 on the full axes, 0..m_d-1 on the rfft half axis, the FNO
/// convention of <see cref="LowPassModes"/>), zero the rest, irfftn onto the output grid: the input's by default, any
/// other under the 'forward' normalisation (trigonometric interpolation, SFNO's time resampling). The complex weights
/// form one block over the gathered corner set, stored real and mode-major as [2 m_1, ..., 2 m_{d-1}, m_d, c_in, c_out, 2]
/// (along a full axis the first m rows are wavenumbers 0..m-1, the last m rows -m..-1): the 2-D case is the published
/// pair of c_in x c_out x m1 x m2 blocks for [:m1, :m2] and [-m1:, :m2], transposed to the modes-first layout.
/// A grid too small for the retained set keeps what both grids can represent: min(m, n/2) per side on a full axis and
/// min(m, n/2+1) on the half axis (n the smaller of input and output size), with the weights of exactly those wavenumbers.
/// </summary>
public sealed class SpectralConv : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly FFTNormType _normalization;

    /// <param name="normalization">
    /// Backward (the FNO release: the same weights mean the same operator only at one grid size), or Forward (weights act
    /// on Fourier-series coefficients, so a layer reads and writes any grid).
    /// </param>
    public SpectralConv(int inChannels, int outChannels, int[] modes, FnoInit init, long[] initGrid,
        FFTNormType normalization = FFTNormType.Backward)
        : this(Draw(inChannels, outChannels, modes, init, initGrid), normalization, copy: false)
    {
    }

    /// <summary>A layer with the given real mode-major weights [2 m_1, ..., m_d, c_in, c_out, 2] (copied).</summary>
    public SpectralConv(Tensor weights, FFTNormType normalization) : this(weights, normalization, copy: true)
    {
    }

    private SpectralConv(Tensor weights, FFTNormType normalization, bool copy) : base(nameof(SpectralConv))
    {
        var d = (int)weights.dim() - 3;
        if (d is < 1 or > 3 || weights.shape[^1] != 2 || weights.shape.Take(d - 1).Any(rows => rows % 2 != 0) || weights.shape.Any(n => n < 1))
            throw new ArgumentException(
                $"spectral conv: expected weights [2 m_1, ..., m_d, c_in, c_out, 2] over 1 to 3 axes, got [{string.Join(", ", weights.shape)}].");
        _normalization = normalization;
        weight = nn.Parameter(copy ? weights.detach().clone() : weights);
        RegisterComponents();
    }

    /// <summary>
    /// A layer whose weights were drawn channel-major, [c_in, c_out, 2 m_1, ..., m_d, 2] (the layout SFNO's draws were
    /// made in), stored mode-major: the same weight on every wavenumber.
    /// </summary>
    public static SpectralConv FromChannelMajor(Tensor weights, FFTNormType normalization)
    {
        var d = (int)weights.dim() - 3;
        long[] order = [.. Enumerable.Range(2, d).Select(i => (long)i), 0, 1, d + 2];
        return new SpectralConv(weights.permute(order).contiguous(), normalization, copy: false);
    }

    /// <summary>Axes the layer transforms.</summary>
    public int Dims => (int)weight.dim() - 3;

    public long InChannels => weight.shape[Dims];
    public long OutChannels => weight.shape[Dims + 1];

    /// <summary>Retained modes per axis: per side on the full axes, on the half axis for the last.</summary>
    public long[] Modes => weight.shape.Take(Dims).Select((n, i) => i < Dims - 1 ? n / 2 : n).ToArray();

    public FFTNormType Normalization => _normalization;

    /// <summary>The real mode-major weight tensor [2 m_1, ..., m_d, c_in, c_out, 2].</summary>
    public Parameter Weight => weight;

    public override Tensor forward(Tensor x) => forward(x, x.shape[2..]);

    /// <summary>The layer evaluated onto a grid of <paramref name="outputSizes"/> (one size per transformed axis).</summary>
    public Tensor forward(Tensor x, long[] outputSizes)
    {
        var d = Dims;
        if (x.dim() != d + 2 || x.shape[1] != InChannels)
            throw new ArgumentException(
                $"spectral conv: expected input [B, {InChannels}, {d} spatial sizes], got [{string.Join(", ", x.shape)}].");
        var sizes = x.shape[2..];
        if (sizes.Take(d - 1).Any(n => n < 2))
            throw new ArgumentException($"spectral conv: full axes need at least 2 points, got [{string.Join(", ", sizes)}].");
        if (outputSizes.Length != d || outputSizes.Any(n => n < 1) || outputSizes.Take(d - 1).Any(n => n < 2))
            throw new ArgumentException(
                $"spectral conv: expected {d} positive output sizes (at least 2 on full axes), got [{string.Join(", ", outputSizes)}].");
        if (!outputSizes.SequenceEqual(sizes) && _normalization != FFTNormType.Forward)
            throw new InvalidOperationException("spectral conv: only the 'forward' normalisation resamples (it keeps values across grids).");
        using var scope = NewDisposeScope();
        var dims = Enumerable.Range(2, d).Select(i => (long)i).ToArray();
        var spectrum = fft.rfftn(x, dim: dims, norm: _normalization);
        var modes = Modes;
        var kept = new long[d];
        var w = (Tensor)weight;
        for (var i = 0; i < d; i++)
        {
            var m = modes[i];
            var n = Math.Min(sizes[i], outputSizes[i]);
            if (i == d - 1)
            {
                kept[i] = Math.Min(m, n / 2 + 1);
                w = w.narrow(i, 0, kept[i]);
            }
            else
            {
                kept[i] = Math.Min(m, n / 2);
                if (kept[i] < m)
                    w = cat(new[] { w.narrow(i, 0, kept[i]), w.narrow(i, 2 * m - kept[i], kept[i]) }, i);
            }
        }
        var block = LowPassModes.Gather(spectrum, dims, kept, lastAxisHalf: true);
        var mixed = ModeWiseMatmul.Apply(block, view_as_complex(w.contiguous()));
        var full = LowPassModes.Scatter(mixed, dims, Wavenumbers.SpectrumShape(outputSizes, lastAxisHalf: true), lastAxisHalf: true);
        return fft.irfftn(full, s: outputSizes, dim: dims, norm: _normalization).MoveToOuterDisposeScope();
    }

    private static Tensor Draw(int inChannels, int outChannels, int[] modes, FnoInit init, long[] initGrid)
    {
        if (inChannels < 1 || outChannels < 1)
            throw new WorkbenchException($"spectral conv: channels must be positive, got {inChannels} -> {outChannels}.");
        if (modes.Length is < 1 or > 3 || modes.Any(m => m < 1))
            throw new WorkbenchException($"spectral conv: expected 1 to 3 positive mode counts, got [{string.Join(", ", modes)}].");
        if (initGrid.Length != modes.Length || initGrid.Any(n => n < 2))
            throw new WorkbenchException($"spectral conv: the init grid needs {modes.Length} sizes >= 2, got [{string.Join(", ", initGrid)}].");
        var shape = modes.Select((m, i) => i < modes.Length - 1 ? 2L * m : m).Concat([inChannels, outChannels, 2]).ToArray();
        return init switch
        {
            FnoInit.Naive => rand(shape) / (inChannels * (double)outChannels),
            FnoInit.VariancePreserving => randn(shape) * SpectralInitScale.RealPartStd(inChannels, modes, initGrid),
            _ => throw new WorkbenchException($"spectral conv: unknown init {init}."),
        };
    }
}
