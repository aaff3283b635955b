using TorchSharp;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Spectral.Cosine;

/// <summary>
/// Orthonormal DCT-II and its inverse, the orthonormal DCT-III (scipy.fft.dct/idct with norm='ortho'), along any dim,
/// any length, in O(N log N) through one real FFT of length N, differentiable.
///
/// Derivation (Makhoul's reordering, valid for odd and even N): put v[n] = x[2n] for n &lt; ceil(N/2) and
/// v[N-1-n] = x[2n+1] for n &lt; floor(N/2). Then sum_n x_n cos(pi k (2n+1) / 2N) = Re(W_k V_k) with V = fft(v) and
/// W_k = exp(-i pi k / 2N). For real v, V_{N-k} = conj(V_k) gives Re(W_{N-k} V_{N-k}) = -Im(W_k V_k), so the rfft half
/// k = 0..floor(N/2) yields every output: Y_k = Re(W_k V_k), Y_{N-k} = -Im(W_k V_k). The orthonormal scale is
/// sqrt(1/N) at k = 0 and sqrt(2/N) elsewhere. The inverse runs the same steps backwards:
/// W_k V_k = Y_k - i Y_{N-k} (Y_N = 0), v = irfft(V), then x = v read through the inverse permutation.
/// </summary>
public static class Dct
{
    /// <summary>Orthonormal DCT-II of <paramref name="x"/> along <paramref name="dim"/>.</summary>
    public static Tensor Forward(Tensor x, long dim = -1)
    {
        TensorAxes.RequireReal(x, "DCT-II");
        var d = TensorAxes.Normalize(x, dim, "DCT-II");
        var n = x.shape[d];
        if (n == 1) return x.clone();
        var rank = x.dim();
        var spectrum = fft.rfft(x.index_select(d, Reordering(n, x.device)), dim: d);
        var rotated = spectrum * TensorAxes.AlongAxis(Twiddle(n, conjugate: false, x.dtype, x.device), d, rank);
        var low = rotated.real;
        var high = rotated.imag.narrow(d, 1, (n + 1) / 2 - 1).flip(d).neg();
        return cat(new[] { low, high }, d) * TensorAxes.AlongAxis(OrthonormalScale(n, x.dtype, x.device), d, rank);
    }

    /// <summary>Orthonormal DCT-III along <paramref name="dim"/>: the inverse of <see cref="Forward"/>.</summary>
    public static Tensor Inverse(Tensor coefficients, long dim = -1)
    {
        TensorAxes.RequireReal(coefficients, "DCT-III");
        var d = TensorAxes.Normalize(coefficients, dim, "DCT-III");
        var n = coefficients.shape[d];
        if (n == 1) return coefficients.clone();
        var rank = coefficients.dim();
        var y = coefficients / TensorAxes.AlongAxis(OrthonormalScale(n, coefficients.dtype, coefficients.device), d, rank);
        var low = y.narrow(d, 0, n / 2 + 1);
        var shape = (long[])y.shape.Clone();
        shape[d] = 1;
        var mirrored = cat(new[] { zeros(shape, y.dtype, y.device), y.narrow(d, n / 2 + (n % 2), n - n / 2 - (n % 2)).flip(d) }, d);
        var rotated = complex(low, mirrored.neg()) * TensorAxes.AlongAxis(Twiddle(n, conjugate: true, y.dtype, y.device), d, rank);
        var v = fft.irfft(rotated, n, d);
        return v.index_select(d, InverseReordering(n, y.device));
    }

    /// <summary>Orthonormal DCT-II over several dims (applied axis by axis).</summary>
    public static Tensor ForwardN(Tensor x, params long[] dims)
    {
        RequireDims(dims, "DCT-II");
        return TensorAxes.Normalize(x, dims, "DCT-II").Aggregate(x, (acc, d) => Forward(acc, d));
    }

    /// <summary>Orthonormal DCT-III over several dims: the inverse of <see cref="ForwardN"/>.</summary>
    public static Tensor InverseN(Tensor coefficients, params long[] dims)
    {
        RequireDims(dims, "DCT-III");
        return TensorAxes.Normalize(coefficients, dims, "DCT-III").Aggregate(coefficients, (acc, d) => Inverse(acc, d));
    }

    public static Tensor Forward2(Tensor x) => ForwardN(x, -2, -1);
    public static Tensor Inverse2(Tensor coefficients) => InverseN(coefficients, -2, -1);
    public static Tensor Forward3(Tensor x) => ForwardN(x, -3, -2, -1);
    public static Tensor Inverse3(Tensor coefficients) => InverseN(coefficients, -3, -2, -1);

    /// <summary>Indices p with v[j] = x[p[j]]: evens ascending, then odds descending.</summary>
    private static Tensor Reordering(long n, Device device)
    {
        var p = new long[n];
        for (long j = 0; j < n; j++) p[j] = j < (n + 1) / 2 ? 2 * j : 2 * (n - 1 - j) + 1;
        return tensor(p, ScalarType.Int64, device);
    }

    /// <summary>Indices q with x[i] = v[q[i]].</summary>
    private static Tensor InverseReordering(long n, Device device)
    {
        var q = new long[n];
        for (long i = 0; i < n; i++) q[i] = i % 2 == 0 ? i / 2 : n - 1 - (i - 1) / 2;
        return tensor(q, ScalarType.Int64, device);
    }

    /// <summary>exp(-+ i pi k / 2N) for k = 0..floor(N/2), computed in float64 and cast to the complex dtype.</summary>
    private static Tensor Twiddle(long n, bool conjugate, ScalarType realType, Device device)
    {
        var angle = arange(n / 2 + 1, ScalarType.Float64, device) * ((conjugate ? 1 : -1) * Math.PI / (2.0 * n));
        return polar(ones_like(angle), angle).to(TensorAxes.ComplexOf(realType, "DCT"));
    }

    private static Tensor OrthonormalScale(long n, ScalarType dtype, Device device)
    {
        var scale = full(n, Math.Sqrt(2.0 / n), ScalarType.Float64, device);
        scale[0] = Math.Sqrt(1.0 / n);
        return scale.to(dtype);
    }

    private static void RequireDims(long[] dims, string what)
    {
        if (dims.Length == 0) throw new WorkbenchException($"{what}: expected at least one dim.");
    }
}
