using Workbench.Sparse.Randomness;
using Workbench.Sparse.Spright.Detectors;

namespace Workbench.Sparse.Spright;

/// <summary>
/// SPRIGHT (Li, Bradley, Pawar, Ramchandran, arXiv 1508.06336): recovers a K-sparse Walsh spectrum of a black-box
/// function of n &lt;= 60 bits from C 2^b P samples. Deterministic for <see cref="SprightOptions.Seed"/> (the seed
/// draws the hashing matrices and offsets; the function's own noise is the function's business).
/// </summary>
public static class SprightDecoder
{
    public static SprightResult Recover(IPseudoBooleanFunction function, SprightOptions options)
    {
        ArgumentNullException.ThrowIfNull(function);
        var plan = options.Resolve();
        if (function.InputBits != plan.InputBits)
            throw new ArgumentException(
                $"function has {function.InputBits} input bits but InputBits (n) is {plan.InputBits}.", nameof(function));
        if (plan.TakesDenseRoute) return DenseRecovery.Recover(function, plan);

        var rng = new Xoshiro256StarStar(plan.Seed);
        var stages = CreateStages(plan, rng);
        var offsets = OffsetDesign.Create(plan, rng);
        var sampler = new CountingSampler(function);
        var bins = BinObservations.Measure(sampler, stages, offsets);
        var classifier = new BinClassifier(plan, offsets, stages, bins);
        var (coefficients, iterations, success) = PeelingDecoder.Run(plan, bins, classifier, stages, offsets);
        return new SprightResult(coefficients, sampler.Samples, iterations, success, classifier.NoiseVariance, plan);
    }

    private static HashingMatrix[] CreateStages(SprightPlan plan, Xoshiro256StarStar rng) =>
        Enumerable.Range(0, plan.Stages)
            .Select(c => plan.Hashing == HashingKind.DisjointBlocks
                ? HashingMatrix.BitBlock(c * plan.BinBits, plan.BinBits)
                : HashingMatrix.RandomFullRank(plan.InputBits, plan.BinBits, rng))
            .ToArray();
}
