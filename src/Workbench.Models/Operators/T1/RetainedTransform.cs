using TorchSharp;
using Workbench.Core.Runtime;
using Workbench.Spectral.Cosine;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.T1;

/// <summary>
/// The one transform of a T1 model, computed only on the retained modes: for the DCT through truncated orthonormal
/// DCT matrices (O(m N) per channel instead of a full transform), for the DFT by an orthonormal rfft2 and a gather.
/// Both are orthonormal, so sums of squares over the retained coefficients (with <see cref="ParsevalWeights"/> for
/// the rfft half axis) are energies of the corresponding physical field.
/// </summary>
public sealed class RetainedTransform(T1Transform transform, ModeSelection selection)
{
    public T1Transform Kind { get; } = transform;
    public ModeSelection Selection { get; } = selection;

    /// <summary>[B, C, H, W] to [B, C, rows, columns] (real for the DCT, complex for the DFT).</summary>
    public Tensor Forward(Tensor x)
    {
        var (h, w) = (x.shape[^2], x.shape[^1]);
        var (rows, columns) = Selection.Indices(Kind, h, w);
        if (Kind == T1Transform.Dct)
        {
            var (cr, cc) = Matrices(rows, columns, h, w, x.dtype, x.device);
            return einsum("rh,bchw,kw->bcrk", cr, x, cc);
        }
        var spectrum = fft.rfft2(x, norm: FFTNormType.Ortho);
        return spectrum.index_select(-2, Index(rows, x.device)).index_select(-1, Index(columns, x.device));
    }

    /// <summary>Retained coefficients [B, C, rows, columns] back to a [B, C, H, W] field (all other modes zero).</summary>
    public Tensor Inverse(Tensor coefficients, long h, long w)
    {
        var (rows, columns) = Selection.Indices(Kind, h, w);
        if (Kind == T1Transform.Dct)
        {
            var real = coefficients.dtype;
            var (cr, cc) = Matrices(rows, columns, h, w, real, coefficients.device);
            return einsum("rh,bcrk,kw->bchw", cr, coefficients, cc);
        }
        var (b, c) = (coefficients.shape[0], coefficients.shape[1]);
        var half = w / 2 + 1;
        var byColumn = zeros([b, c, rows.Length, half], coefficients.dtype, coefficients.device)
            .index_copy(-1, Index(columns, coefficients.device), coefficients);
        var spectrum = zeros([b, c, h, half], coefficients.dtype, coefficients.device)
            .index_copy(-2, Index(rows, coefficients.device), byColumn);
        return fft.irfft2(spectrum, s: [h, w], norm: FFTNormType.Ortho);
    }

    /// <summary>
    /// Makes DFT coefficients those of a real field: on column 0, the mode (k, 0) becomes the mean of itself and the
    /// conjugate of (-k, 0). The inverse rfft would do this implicitly; doing it explicitly keeps Parseval exact for the
    /// frequency-domain loss. The DCT is real: unchanged.
    /// </summary>
    public Tensor Hermitian(Tensor coefficients)
    {
        if (Kind == T1Transform.Dct || !Selection.Columns.Contains(0)) return coefficients;
        var mirror = Selection.Rows.Select(r => (long)Array.IndexOf(Selection.Rows, -r)).ToArray();
        if (mirror.Any(i => i < 0)) return coefficients;
        var mirrored = coefficients.index_select(-2, Index(mirror, coefficients.device)).conj();
        var columnZero = Selection.Columns.Select(c => c == 0 ? 1L : 0L).ToArray();
        var mask = DeviceConstants.Indices(columnZero, coefficients.device).eq(1).view(1, 1, 1, -1);
        return where(mask, (coefficients + mirrored) / 2, coefficients);
    }

    /// <summary>
    /// Weight of each retained column in Parseval's sum: 1 for the DCT; for the rfft half axis 2 for interior columns
    /// (they stand for a conjugate pair), 1 for column 0 and the Nyquist column of even widths.
    /// </summary>
    public Tensor ParsevalWeights(long w, ScalarType dtype, Device device)
    {
        var weights = Selection.Columns
            .Select(c => Kind == T1Transform.Dct || c == 0 || (w % 2 == 0 && c == w / 2) ? 1.0 : 2.0).ToArray();
        return DeviceConstants.Values(weights, [weights.Length], dtype, device);
    }

    private static (Tensor Rows, Tensor Columns) Matrices(long[] rows, long[] columns, long h, long w, ScalarType dtype, Device device) =>
        (DctMatrix.Full(h, dtype, device).index_select(0, Index(rows, device)),
         DctMatrix.Full(w, dtype, device).index_select(0, Index(columns, device)));

    private static Tensor Index(long[] values, Device device) => DeviceConstants.Indices(values, device);
}
