namespace Workbench.Sparse.Spright.Trials;

/// <summary>One trial: success means the recovered support equals the planted one and, noiseless, every value is
/// within 1e-6 of the largest planted magnitude; MaxError is the largest |X_hat[k] - X[k]| over both supports.</summary>
public sealed record SprightTrialOutcome(int Trial, bool Success, long Samples, int Iterations, double Milliseconds,
    double MaxError);

/// <summary>Summary of a trial run (times are wall clock on this machine, SPRIGHT including its sampling).</summary>
public sealed record SprightTrialReport(
    int InputBits,
    int Sparsity,
    double? SnrDb,
    string Amplitudes,
    int Trials,
    int Successes,
    double SuccessRate,
    double MeanSamples,
    double SamplesFractionOfN,
    double MeanIterations,
    double MeanMilliseconds,
    double? DenseFwhtMilliseconds,
    int DenseThreads,
    double? SpeedupOverDense,
    SprightPlan Plan,
    IReadOnlyList<SprightTrialOutcome> Outcomes);
