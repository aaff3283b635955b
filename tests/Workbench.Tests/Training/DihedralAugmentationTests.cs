using Workbench.Training.Engine;
using static TorchSharp.torch;

namespace Workbench.Tests.Training;

public class DihedralAugmentationTests
{
    private const int N = 3;

    /// <summary>Naive reference: the source (row, column) of output (i, j) after a quarter turns, then a mirror.</summary>
    private static (int Row, int Column) Source(int element, int i, int j)
    {
        if (element >= 4) j = N - 1 - j;
        for (var turn = 0; turn < element % 4; turn++) (i, j) = (j, N - 1 - i);
        return (i, j);
    }

    [Fact]
    public void EachElementMovesEveryPixelOfEveryFrameAsTheReferenceDoes()
    {
        var fields = arange(2 * 2 * N * N, dtype: ScalarType.Float64).reshape(2, 2, N, N);
        var values = fields.data<double>().ToArray();
        for (var element = 0; element < DihedralAugmentation.GroupOrder; element++)
        {
            var result = DihedralAugmentation.Apply(fields, element).contiguous().data<double>().ToArray();
            for (var frame = 0; frame < 4; frame++)
            for (var i = 0; i < N; i++)
            for (var j = 0; j < N; j++)
            {
                var (row, column) = Source(element, i, j);
                Assert.Equal(values[frame * N * N + row * N + column], result[frame * N * N + i * N + j]);
            }
        }
    }

    [Fact]
    public void TheEightElementsGiveEightDifferentArrangements()
    {
        var fields = arange(N * N, dtype: ScalarType.Float64).reshape(1, 1, N, N);
        var arrangements = Enumerable.Range(0, DihedralAugmentation.GroupOrder)
            .Select(e => string.Join(",", DihedralAugmentation.Apply(fields, e).contiguous().data<double>().ToArray()))
            .ToHashSet();
        Assert.Equal(DihedralAugmentation.GroupOrder, arrangements.Count);
    }

    [Fact]
    public void DrawsRepeatForOneSeedAndCoverTheGroup()
    {
        var draws = Enumerable.Range(0, 200).Select(b => DihedralAugmentation.Draw(7, 3, b)).ToArray();
        Assert.Equal(draws, Enumerable.Range(0, 200).Select(b => DihedralAugmentation.Draw(7, 3, b)).ToArray());
        Assert.Equal(Enumerable.Range(0, 8), draws.Distinct().Order());
        Assert.NotEqual(draws, Enumerable.Range(0, 200).Select(b => DihedralAugmentation.Draw(8, 3, b)).ToArray());
    }

    [Fact]
    public void OnlySquareFramesFit()
    {
        Assert.True(DihedralAugmentation.Fits([6, 64, 64]));
        Assert.False(DihedralAugmentation.Fits([1, 32]));
        Assert.False(DihedralAugmentation.Fits([32]));
    }
}
