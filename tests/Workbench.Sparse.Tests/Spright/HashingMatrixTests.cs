using System.Numerics;
using Workbench.Sparse.Randomness;
using Workbench.Sparse.Spright;

namespace Workbench.Sparse.Tests.Spright;

public class HashingMatrixTests
{
    [Fact]
    public void Bin_of_k_is_the_j_with_k_dot_Ml_equal_j_dot_l_for_every_l()
    {
        var m = HashingMatrix.RandomFullRank(10, 4, new Xoshiro256StarStar(2));
        var points = m.SamplePoints();
        Assert.Equal(16, points.Distinct().Count());
        for (ulong k = 0; k < 1024; k++)
        {
            int j = m.BinOf(k);
            for (int l = 0; l < points.Length; l++)
                Assert.Equal(BitOperations.PopCount(k & points[l]) & 1, BitOperations.PopCount((uint)(j & l)) & 1);
        }
    }

    [Fact]
    public void Bit_block_bins_are_the_selected_bits()
    {
        var m = HashingMatrix.BitBlock(4, 3);
        Assert.Equal(0b101, m.BinOf(0b1101_0000UL));
        Assert.Equal(0b101 << 4, (int)m.SamplePoints()[0b101]);
    }
}
