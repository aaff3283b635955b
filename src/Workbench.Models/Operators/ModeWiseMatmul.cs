using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Models.Operators;

/// <summary>
/// Per-mode channel mixing out[b, o, m...] = sum_i z[b, i, m...] w[m..., i, o] as one batched matrix product over the
/// modes. The weights are mode-major, so a contiguous weight tensor is read in place: the mixing weights are the
/// bulk of a spectral model's parameters, and copying them into this layout on every call cost about as much as the
/// product itself. The input is made contiguous first: libtorch's CPU batched GEMM falls back to a slow generic loop
/// on the strided views that einsum passes it (about 50x slower at T1's sizes).
/// </summary>
public static class ModeWiseMatmul
{
    public static Tensor Apply(Tensor z, Tensor w)
    {
        var (batch, inputs, outputs) = (z.shape[0], z.shape[1], w.shape[^1]);
        var modeShape = z.shape[2..];
        var modes = modeShape.Aggregate(1L, (a, b) => a * b);
        var left = z.reshape(batch, inputs, modes).permute(2, 0, 1).contiguous();
        return left.bmm(w.reshape(modes, inputs, outputs)).permute(1, 2, 0).reshape([batch, outputs, .. modeShape]);
    }
}
