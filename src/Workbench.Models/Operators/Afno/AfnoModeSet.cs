using Workbench.Core.Errors;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Afno;

/// <summary>
/// The modes an AFNO mixer keeps for a mode fraction f in (0, 1] on an H x W grid (rfft2 spectrum H x (W/2+1)):
/// signed row wavenumbers -m1 &lt;= kx &lt;= m1 with m1 = ceil(f H / 2), and columns 0 &lt;= ky &lt; m2 with
/// m2 = ceil(f (W/2 + 1)) (the counts of <see cref="LowPassModes.FromFraction"/>). The row band is symmetric, so the
/// kept set is closed under kx -> -kx and the mixer commutes with mirroring x (FNO's -m..m-1 convention, kept by the FNO
/// layers, is not: at 16 x 16 and f = 0.5 it keeps -4..3). The column band needs no such care: the rfft half axis
/// stands for +-ky alike. f = 1 keeps every mode. A true low-pass in both axes, unlike the public codebases (one slices
/// the flattened last axis, the other keeps mid rows of the unshifted spectrum).
/// </summary>
public sealed class AfnoModeSet
{
    public AfnoModeSet(long height, long width, double fraction)
    {
        if (height < 1 || width < 1)
            throw new WorkbenchException($"afno modes: expected a grid of positive size, got {height} x {width}.");
        Height = height;
        Width = width;
        var counts = LowPassModes.FromFraction([height, width / 2 + 1], fraction, lastAxisHalf: true);
        RowModes = counts[0];
        ColumnModes = counts[1];
    }

    public long Height { get; }
    public long Width { get; }

    /// <summary>m1: rows -m1..m1 are kept.</summary>
    public long RowModes { get; }

    public long ColumnModes { get; }

    /// <summary>Whether every row wavenumber of the full axis is kept (2 m1 + 1 >= H).</summary>
    public bool AllRows => 2 * RowModes + 1 >= Height;

    /// <summary>The kept block of a spectrum [B, H, W/2+1, ...]: rows in FFT order 0..m1, -m1..-1, then columns.</summary>
    public Tensor Gather(Tensor spectrum)
    {
        var rows = AllRows
            ? spectrum
            : cat([spectrum.narrow(1, 0, RowModes + 1), spectrum.narrow(1, Height - RowModes, RowModes)], 1);
        return rows.narrow(2, 0, ColumnModes);
    }

    /// <summary>Inverse of <see cref="Gather"/> into a zero spectrum [B, H, W/2+1, ...].</summary>
    public Tensor Scatter(Tensor block)
    {
        var columns = LowPassModes.Scatter(block, [2], [Width / 2 + 1], lastAxisHalf: true);
        if (AllRows) return columns;
        var shape = (long[])columns.shape.Clone();
        shape[1] = Height - 2 * RowModes - 1;
        var gap = zeros(shape, columns.dtype, columns.device);
        return cat([columns.narrow(1, 0, RowModes + 1), gap, columns.narrow(1, RowModes + 1, RowModes)], 1);
    }
}
