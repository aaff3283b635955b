using System.Numerics;
using Workbench.Sparse.Randomness;

namespace Workbench.Sparse.Spright;

/// <summary>
/// A binary n x b matrix M of rank b, stored as b column masks. Stage samples sit at M l XOR d (l in {0,1}^b);
/// frequency k lands in bin M^T k, whose bit i is the parity of (column i AND k).
/// </summary>
internal sealed class HashingMatrix
{
    private HashingMatrix(ulong[] columns) => Columns = columns;

    public ulong[] Columns { get; }

    public int BinBits => Columns.Length;

    /// <summary>Column i = e_{offset + i}: the bin is bits [offset, offset + b) of k.</summary>
    public static HashingMatrix BitBlock(int offset, int binBits) =>
        new(Enumerable.Range(offset, binBits).Select(i => 1UL << i).ToArray());

    /// <summary>Uniformly random columns, redrawn until they are linearly independent over GF(2).</summary>
    public static HashingMatrix RandomFullRank(int inputBits, int binBits, Xoshiro256StarStar rng)
    {
        while (true)
        {
            var columns = new ulong[binBits];
            for (int i = 0; i < binBits; i++) columns[i] = rng.NextBits(inputBits);
            if (Rank(columns) == binBits) return new HashingMatrix(columns);
        }
    }

    public int BinOf(ulong k)
    {
        int bin = 0;
        for (int i = 0; i < Columns.Length; i++)
            bin |= (BitOperations.PopCount(Columns[i] & k) & 1) << i;
        return bin;
    }

    /// <summary>M l for every l in 0..2^b-1 (each entry adds one column to an earlier entry).</summary>
    public ulong[] SamplePoints()
    {
        var points = new ulong[1 << Columns.Length];
        for (int l = 1; l < points.Length; l++)
            points[l] = points[l & (l - 1)] ^ Columns[BitOperations.TrailingZeroCount(l)];
        return points;
    }

    private static int Rank(ulong[] vectors)
    {
        var rows = (ulong[])vectors.Clone();
        int rank = 0;
        for (int bit = 63; bit >= 0 && rank < rows.Length; bit--)
        {
            int pivot = Array.FindIndex(rows, rank, r => (r >> bit & 1) != 0);
            if (pivot < 0) continue;
            (rows[rank], rows[pivot]) = (rows[pivot], rows[rank]);
            for (int i = 0; i < rows.Length; i++)
                if (i != rank && (rows[i] >> bit & 1) != 0) rows[i] ^= rows[rank];
            rank++;
        }
        return rank;
    }
}
