using static TorchSharp.torch;

namespace Workbench.Models.Inr;

/// <summary>
/// Instant-NGP's spatial hash: h(x) = (XOR_i x_i pi_i mod 2^32) mod T with pi = (1, 2654435761, 805459861), and the
/// dense row-major index used instead where a level's (N+1)^d vertices fit in its table.
/// </summary>
public static class SpatialHash
{
    public static readonly long[] Primes = [1, 2654435761, 805459861];

    /// <summary>Hash of integer vertex coordinates [..., d] (int64, non-negative) into [0, tableSize).</summary>
    public static Tensor Index(Tensor corners, long tableSize)
    {
        using var scope = NewDisposeScope();
        var d = corners.shape[^1];
        if (d > Primes.Length) throw new ArgumentException($"the spatial hash has primes for at most {Primes.Length} dimensions, got {d}");
        var hash = corners.select(-1, 0).bitwise_and(0xFFFFFFFFL);
        for (var i = 1; i < d; i++)
            hash = hash.bitwise_xor(corners.select(-1, i).mul(Primes[i]).bitwise_and(0xFFFFFFFFL));
        return hash.remainder(tableSize).MoveToOuterDisposeScope();
    }

    /// <summary>Row-major index of vertex coordinates [..., d] on a grid with <paramref name="verticesPerAxis"/> vertices per axis.</summary>
    public static Tensor DenseIndex(Tensor corners, long verticesPerAxis)
    {
        using var scope = NewDisposeScope();
        var index = zeros_like(corners.select(-1, 0));
        var stride = 1L;
        for (var i = 0; i < corners.shape[^1]; i++)
        {
            index = index + corners.select(-1, i) * stride;
            stride *= verticesPerAxis;
        }
        return index.MoveToOuterDisposeScope();
    }
}
