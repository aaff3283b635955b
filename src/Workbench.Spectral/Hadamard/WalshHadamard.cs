using TorchSharp;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Spectral.Hadamard;

/// <summary>
/// Fast Walsh-Hadamard transform along the last dim (length a power of two), batched over leading dims, in natural
/// (Sylvester/Hadamard) order: y = H_N x with H_1 = [1], H_2N = [[H_N, H_N], [H_N, -H_N]] (scipy.linalg.hadamard).
/// log2 N butterfly stages, each a reshape and one (a + b, a - b) pair, so autograd flows through plain tensor ops.
/// Unnormalised H_N H_N = N I; the orthonormal variant scales by N^(-1/2) and is its own inverse.
/// </summary>
public static class WalshHadamard
{
    public static Tensor Transform(Tensor x, bool orthonormal = false)
    {
        if (x.dim() < 1 || !(x.is_floating_point() || x.is_complex()))
            throw new WorkbenchException($"Walsh-Hadamard: expected a floating-point tensor of rank >= 1, got {x.dtype} {TensorAxes.Shape(x)}.");
        var n = x.shape[^1];
        if (n < 1 || (n & (n - 1)) != 0)
            throw new WorkbenchException($"Walsh-Hadamard: the last dim must be a power of two, got {n}.");
        if (n == 1) return x.clone();
        var lead = x.shape[..^1];
        var y = x;
        for (long h = 1; h < n; h *= 2)
        {
            var pairs = y.reshape(lead.Concat(new[] { n / (2 * h), 2, h }).ToArray());
            var a = pairs.select(-2, 0);
            var b = pairs.select(-2, 1);
            y = stack(new[] { a + b, a - b }, -2).reshape(x.shape);
        }
        return orthonormal ? y * (1.0 / Math.Sqrt(n)) : y;
    }

    /// <summary>Inverse of <see cref="Transform"/> with the same <paramref name="orthonormal"/> flag.</summary>
    public static Tensor Inverse(Tensor y, bool orthonormal = false) =>
        orthonormal ? Transform(y, orthonormal: true) : Transform(y) / y.shape[^1];
}
