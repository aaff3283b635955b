using Workbench.Core.Runtime;
using static TorchSharp.torch;

namespace Workbench.Models.Inr;

/// <summary>
/// Multilinear interpolation on a grid of N cells per axis over [0, 1]^d: each point's 2^d surrounding vertices
/// (integer coordinates in 0..N) and their weights prod_i (o_i ? t_i : 1 - t_i). Differentiable in the points.
/// </summary>
public static class MultilinearGrid
{
    /// <summary>Corners [P, 2^d, d] (int64) and weights [P, 2^d] (the points' dtype) for points [P, d] in [0, 1].</summary>
    public static (Tensor Corners, Tensor Weights) Locate(Tensor unit, long cells)
    {
        using var scope = NewDisposeScope();
        var d = (int)unit.shape[1];
        var position = unit.clamp(0, 1) * cells;
        var cell = position.detach().floor().clamp(0, cells - 1);
        var t = position - cell;
        var offsets = Offsets(d, unit.device);
        var corners = cell.to(ScalarType.Int64).unsqueeze(1) + offsets.unsqueeze(0);
        var tt = t.unsqueeze(1);
        var factors = where(offsets.unsqueeze(0).to(ScalarType.Bool), tt, 1 - tt);
        var weights = factors.prod(2);
        return (corners.MoveToOuterDisposeScope(), weights.MoveToOuterDisposeScope());
    }

    /// <summary>Interpolates table rows: table [V, C], indices [P, 2^d], weights [P, 2^d] -> [P, C].</summary>
    public static Tensor Blend(Tensor table, Tensor indices, Tensor weights)
    {
        using var scope = NewDisposeScope();
        var rows = table.index_select(0, indices.flatten()).reshape(indices.shape[0], indices.shape[1], table.shape[1]);
        return (rows * weights.unsqueeze(2)).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>The 2^d binary offsets, bit i of the corner number giving axis i.</summary>
    private static Tensor Offsets(int d, Device device)
    {
        var values = new long[(1 << d) * d];
        for (var c = 0; c < 1 << d; c++)
        for (var i = 0; i < d; i++) values[c * d + i] = (c >> i) & 1;
        return DeviceConstants.Indices(values, device).view(1 << d, d);
    }
}
