using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Afno;

/// <summary>
/// AFNO token mixer (Guibas et al. 2022) on channels-last x [B, H, W, d]: X = rfft2(x, ortho); on the kept modes
/// (<see cref="AfnoModeSet"/>: a low-pass band symmetric in kx) a block-diagonal complex MLP with k blocks shared across modes,
/// o1 = ReLU(Re(X W1 + b1)) + i ReLU(Im(X W1 + b1)), o2 = o1 W2 + b2; soft-shrink with lambda on real and imaginary
/// parts; zero elsewhere; y = irfft2(o2, ortho) + x. Weights are stored real with a trailing [.., 2] (re, im):
/// w1 [k, d/k, f d/k, 2], b1 [k, f d/k, 2], w2 [k, f d/k, d/k, 2], b2 [k, d/k, 2], init 0.02 N(0, 1).
/// Precision: the spectral part runs in at least fp32 (half and bfloat16 inputs are promoted, as the paper's fp32 FFT;
/// float64 stays float64) and the result has the input's dtype.
/// </summary>
public sealed class AfnoMixer : nn.Module<Tensor, Tensor>
{
    private readonly Parameter w1;
    private readonly Parameter b1;
    private readonly Parameter w2;
    private readonly Parameter b2;
    private readonly double _lambda;
    private readonly double _fraction;

    public AfnoMixer(int dim, int blocks = 8, int hiddenFactor = 1, double sparsityThreshold = 0.01, double modeFraction = 1.0)
        : base(nameof(AfnoMixer))
    {
        if (dim < 1 || blocks < 1 || dim % blocks != 0)
            throw new WorkbenchException($"afno mixer: the width {dim} must be a positive multiple of the block count {blocks}.");
        if (hiddenFactor < 1)
            throw new WorkbenchException($"afno mixer: the hidden factor must be a positive integer, got {hiddenFactor}.");
        if (!(sparsityThreshold >= 0))
            throw new WorkbenchException($"afno mixer: the sparsity threshold must be >= 0, got {sparsityThreshold}.");
        if (!(modeFraction > 0 && modeFraction <= 1))
            throw new WorkbenchException($"afno mixer: the mode fraction must be in (0, 1], got {modeFraction}.");
        Dim = dim;
        Blocks = blocks;
        _lambda = sparsityThreshold;
        _fraction = modeFraction;
        var size = dim / blocks;
        var hidden = size * hiddenFactor;
        w1 = nn.Parameter(0.02 * randn(blocks, size, hidden, 2));
        b1 = nn.Parameter(0.02 * randn(blocks, hidden, 2));
        w2 = nn.Parameter(0.02 * randn(blocks, hidden, size, 2));
        b2 = nn.Parameter(0.02 * randn(blocks, size, 2));
        RegisterComponents();
    }

    public int Dim { get; }
    public int Blocks { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var spectrum = SpectralOutput(x);
        var y = fft.irfftn(spectrum, s: [x.shape[1], x.shape[2]], dim: [1, 2], norm: FFTNormType.Ortho);
        return (y.to(x.dtype) + x).MoveToOuterDisposeScope();
    }

    /// <summary>The mixed spectrum [B, H, W/2+1, d] before the inverse transform: zero outside the kept modes.</summary>
    public Tensor SpectralOutput(Tensor x)
    {
        if (x.dim() != 4 || x.shape[3] != Dim)
            throw new ArgumentException($"afno mixer: expected channels-last input [B, H, W, {Dim}], got [{string.Join(", ", x.shape)}].");
        using var scope = NewDisposeScope();
        var work = x.dtype is ScalarType.Float16 or ScalarType.BFloat16 ? ScalarType.Float32 : x.dtype;
        var modes = new AfnoModeSet(x.shape[1], x.shape[2], _fraction);
        var kept = modes.Gather(fft.rfftn(x.to(work), dim: [1, 2], norm: FFTNormType.Ortho));
        var shape = kept.shape;
        var z = kept.reshape(shape[0], shape[1], shape[2], Blocks, Dim / Blocks);
        var o1 = einsum("bxykc,kch->bxykh", z, Complex(w1, work)) + Complex(b1, work);
        o1 = view_as_complex(nn.functional.relu(view_as_real(o1)));
        var o2 = einsum("bxykh,khc->bxykc", o1, Complex(w2, work)) + Complex(b2, work);
        o2 = view_as_complex(nn.functional.softshrink(view_as_real(o2), _lambda));
        return modes.Scatter(o2.reshape(shape)).MoveToOuterDisposeScope();
    }

    private static Tensor Complex(Tensor parts, ScalarType work) => view_as_complex(parts.to(work));
}
