using System.Numerics;
using Workbench.Sparse.Randomness;
using Workbench.Sparse.Spright;
using Workbench.Sparse.Spright.Trials;

namespace Workbench.Sparse.Tests.Spright;

public class SparseWalshFunctionTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(64)]
    public void Evaluates_the_walsh_series_term_by_term(int sparsity)
    {
        var rng = new Xoshiro256StarStar((ulong)sparsity);
        var planted = SprightTrials.PlantSpectrum(40, sparsity, AmplitudeKind.Gaussian, rng);
        var function = new SparseWalshFunction(40, planted);
        for (var trial = 0; trial < 200; trial++)
        {
            var m = rng.NextBits(40);
            var naive = planted.Sum(term => BitOperations.PopCount(term.Key & m) % 2 == 0 ? term.Value : -term.Value);
            Assert.Equal(naive, function.Evaluate(m), 1e-12);
        }
    }
}
