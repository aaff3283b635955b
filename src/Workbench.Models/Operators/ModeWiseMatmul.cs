using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Models.Operators;

/// <summary>
/// Per-mode channel mixing out[b, o, m...] = sum_i z[b, i, m...] w[i, o, m...] as one batched matrix product over the
/// modes. Both operands are made contiguous first: libtorch's CPU batched GEMM falls back to a slow generic loop on the
/// strided views that einsum passes it (about 50x slower at T1's sizes).
/// </summary>
public static class ModeWiseMatmul
{
    public static Tensor Apply(Tensor z, Tensor w)
    {
        var (batch, inputs, outputs) = (z.shape[0], z.shape[1], w.shape[1]);
        var modeShape = z.shape[2..];
        var modes = modeShape.Aggregate(1L, (a, b) => a * b);
        var left = z.reshape(batch, inputs, modes).permute(2, 0, 1).contiguous();
        var right = w.reshape(inputs, outputs, modes).permute(2, 0, 1).contiguous();
        return left.bmm(right).permute(1, 2, 0).reshape([batch, outputs, .. modeShape]);
    }
}
