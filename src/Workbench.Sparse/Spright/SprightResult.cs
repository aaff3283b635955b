namespace Workbench.Sparse.Spright;

/// <summary>
/// Outcome of one SPRIGHT decode. <see cref="Coefficients"/> maps a frequency k to X[k] in the convention
/// f(m) = sum_k X[k] (-1)^popcount(k AND m), i.e. X = (dense WHT of f) / N.
/// </summary>
/// <param name="Success">Every bin of every stage is a zero-ton after peeling.</param>
/// <param name="Iterations">Peeling rounds run.</param>
/// <param name="NoiseVariance">Estimated noise variance of one bin value (sigma^2 / B).</param>
public sealed record SprightResult(
    IReadOnlyDictionary<ulong, double> Coefficients,
    long Samples,
    int Iterations,
    bool Success,
    double NoiseVariance,
    SprightPlan Plan);
