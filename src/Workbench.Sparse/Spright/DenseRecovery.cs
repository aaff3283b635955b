using Workbench.Sparse.Hadamard;

namespace Workbench.Sparse.Spright;

/// <summary>
/// The route for plans that would query at least N = 2^n samples: read all N, take the dense FWHT and keep the K
/// largest coefficients (in the noiseless case only those that are not zero). Every bin is resolved, so it succeeds.
/// </summary>
internal static class DenseRecovery
{
    /// <summary>Largest n taken densely (2^30 doubles, 8 GiB); a plan past it keeps its sparse route.</summary>
    public const int MaxInputBits = 30;

    public static SprightResult Recover(IPseudoBooleanFunction function, SprightPlan plan)
    {
        var sampler = new CountingSampler(function);
        var values = new double[1 << plan.InputBits];
        for (var m = 0; m < values.Length; m++) values[m] = sampler.Sample((ulong)m);
        FastWalshHadamard.Transform(values);
        for (var k = 0; k < values.Length; k++) values[k] /= values.Length;

        var ranked = Enumerable.Range(0, values.Length).ToArray();
        var magnitudes = values.Select(v => -Math.Abs(v)).ToArray();
        Array.Sort(magnitudes, ranked);
        var largest = Math.Abs(values[ranked[0]]);
        var kept = ranked.Take(plan.Sparsity).Where(k => plan.SnrDb is not null || Math.Abs(values[k]) > 1e-12 * largest).ToArray();
        var coefficients = kept.ToDictionary(k => (ulong)k, k => values[k]);
        var rest = ranked.Skip(kept.Length).ToArray();
        var noiseVariance = rest.Length == 0 ? 0 : rest.Average(k => values[k] * values[k]);
        return new SprightResult(coefficients, sampler.Samples, Iterations: 0, Success: true, noiseVariance, plan);
    }
}
