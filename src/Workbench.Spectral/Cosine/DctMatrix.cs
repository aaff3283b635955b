using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Spectral.Cosine;

/// <summary>
/// The orthonormal DCT-II as a matrix, C[k, n] = s_k cos(pi k (2n + 1) / 2N) with s_0 = sqrt(1/N), s_k = sqrt(2/N),
/// and truncated transforms through its first m rows: O(m N) per vector instead of a full transform, which pays when
/// only m &lt;&lt; N coefficients are ever used (the retained corner of a T1 model).
/// </summary>
public static class DctMatrix
{
    /// <summary>The N x N orthonormal DCT-II matrix (its transpose is the DCT-III); built in float64, cast to dtype.</summary>
    public static Tensor Full(long n, ScalarType dtype, Device device) => Rows(n, n, dtype, device);

    /// <summary>The first m rows of the N x N orthonormal DCT-II matrix.</summary>
    public static Tensor Rows(long m, long n, ScalarType dtype, Device device)
    {
        if (n < 1 || m < 1 || m > n)
            throw new ArgumentException($"DCT matrix: expected 1 <= m <= N, got m = {m}, N = {n}.");
        var k = arange(m, ScalarType.Float64, device).unsqueeze(1);
        var i = arange(n, ScalarType.Float64, device).unsqueeze(0);
        var scale = full(m, Math.Sqrt(2.0 / n), ScalarType.Float64, device);
        scale[0] = Math.Sqrt(1.0 / n);
        return (cos(k * (2 * i + 1) * (Math.PI / (2.0 * n))) * scale.unsqueeze(1)).to(dtype);
    }

    /// <summary>The first m orthonormal DCT-II coefficients of <paramref name="x"/> along <paramref name="dim"/>.</summary>
    public static Tensor Truncated(Tensor x, long m, long dim = -1)
    {
        TensorAxes.RequireReal(x, "truncated DCT");
        var d = TensorAxes.Normalize(x, dim, "truncated DCT");
        var rows = Rows(m, x.shape[d], x.dtype, x.device);
        return x.movedim(new[] { d }, new[] { -1L }).matmul(rows.t()).movedim(new[] { -1L }, new[] { d });
    }

    /// <summary>
    /// The adjoint of <see cref="Truncated"/>: m coefficients along <paramref name="dim"/> to a length-N signal, i.e. the
    /// DCT-III of the coefficients padded with zeros to N.
    /// </summary>
    public static Tensor TruncatedInverse(Tensor coefficients, long n, long dim = -1)
    {
        TensorAxes.RequireReal(coefficients, "truncated DCT inverse");
        var d = TensorAxes.Normalize(coefficients, dim, "truncated DCT inverse");
        var rows = Rows(coefficients.shape[d], n, coefficients.dtype, coefficients.device);
        return coefficients.movedim(new[] { d }, new[] { -1L }).matmul(rows).movedim(new[] { -1L }, new[] { d });
    }
}
