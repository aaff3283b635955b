using System.Numerics;
using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Spectral.Hadamard;

/// <summary>
/// Fast Walsh-Hadamard transform along the last dim (length a power of two), batched over leading dims, in natural
/// (Sylvester/Hadamard) order: y = H_N x with H_1 = [1], H_2N = [[H_N, H_N], [H_N, -H_N]] (scipy.linalg.hadamard),
/// so H[i, j] = (-1)^popcount(i &amp; j). Unnormalised H_N H_N = N I; the orthonormal variant scales by N^(-1/2) and is its
/// own inverse.
///
/// Sylvester matrices factor as Kronecker products, H_{2^(a+b)} = H_{2^a} (x) H_{2^b}, so with x viewed as an
/// r_1 x ... x r_k array (row-major, N = r_1 ... r_k) H_N x applies H_{r_j} along each axis j. Grouping the log2 N
/// radix-2 butterfly stages into k = ceil(log2 N / 5) stages of at most 32 x 32 dense products needs O(N sum r_j)
/// operations but only k passes over memory, which beats log2 N elementwise passes by several times on tensors.
/// Every stage is a reshape and a matmul, so autograd flows through it.
/// </summary>
public static class WalshHadamard
{
    private const int MaxLogRadix = 5;

    public static Tensor Transform(Tensor x, bool orthonormal = false)
    {
        if (x.dim() < 1 || !(x.is_floating_point() || x.is_complex()))
            throw new ArgumentException($"Walsh-Hadamard: expected a floating-point tensor of rank >= 1, got {x.dtype} {TensorAxes.Shape(x)}.");
        var n = x.shape[^1];
        if (n < 1 || (n & (n - 1)) != 0)
            throw new ArgumentException($"Walsh-Hadamard: the last dim must be a power of two, got {n}.");
        if (n == 1) return x.clone();

        var logN = BitOperations.Log2((ulong)n);
        var stages = (logN + MaxLogRadix - 1) / MaxLogRadix;
        var y = x;
        var suffix = n;
        for (var stage = 0; stage < stages; stage++)
        {
            var logRadix = logN / stages + (stage < logN % stages ? 1 : 0);
            var radix = 1L << logRadix;
            suffix /= radix;
            var h = Matrix(radix, x.dtype, x.device);
            y = suffix == 1 ? y.reshape(-1, radix).matmul(h) : h.matmul(y.reshape(-1, radix, suffix));
        }
        y = y.reshape(x.shape);
        return orthonormal ? y * (1.0 / Math.Sqrt(n)) : y;
    }

    /// <summary>Inverse of <see cref="Transform"/> with the same <paramref name="orthonormal"/> flag.</summary>
    public static Tensor Inverse(Tensor y, bool orthonormal = false) =>
        orthonormal ? Transform(y, orthonormal: true) : Transform(y) / y.shape[^1];

    /// <summary>The unnormalised Sylvester-Hadamard matrix H_n (symmetric), n a power of two.</summary>
    public static Tensor Matrix(long n, ScalarType dtype, Device device)
    {
        if (n < 1 || (n & (n - 1)) != 0)
            throw new ArgumentException($"Walsh-Hadamard matrix: the size must be a power of two, got {n}.");
        var entries = new float[n * n];
        for (long i = 0; i < n; i++)
            for (long j = 0; j < n; j++)
                entries[i * n + j] = BitOperations.PopCount((ulong)(i & j)) % 2 == 0 ? 1f : -1f;
        return tensor(entries, new[] { n, n }).to(dtype, device);
    }
}
