namespace Workbench.Sparse.Spright;

/// <summary>
/// What the caller knows (n, K, SNR, seed) and optional overrides; <see cref="Resolve"/> fills in the defaults
/// and validates. Null means "choose from (n, K, SNR)".
/// </summary>
public sealed record SprightOptions
{
    /// <summary>n: the function has 2^n inputs (1..60).</summary>
    public required int InputBits { get; init; }

    /// <summary>K: the number of nonzero Walsh coefficients expected (an upper estimate is fine).</summary>
    public required int Sparsity { get; init; }

    /// <summary>Signal-to-noise ratio in dB (sum_k X[k]^2 over the per-sample noise variance); null = noiseless.</summary>
    public double? SnrDb { get; init; }

    /// <summary>C, the number of hashing stages (default 3).</summary>
    public int? Stages { get; init; }

    /// <summary>b, bins per stage B = 2^b (default ceil(log2 K) + 1, so that K/B &lt;= 1/2).</summary>
    public int? BinBits { get; init; }

    public HashingKind Hashing { get; init; } = HashingKind.RandomFullRank;

    /// <summary>Default: Noiseless without SNR, Robust with it.</summary>
    public DetectorKind? Detector { get; init; }

    /// <summary>P1 for <see cref="DetectorKind.Robust"/> (default from the SNR, see <see cref="SprightPlan"/>).</summary>
    public int? OffsetChains { get; init; }

    /// <summary>Parity offsets for <see cref="DetectorKind.SampleOptimal"/> (default 2 (n + 1)).</summary>
    public int? ParityOffsets { get; init; }

    /// <summary>Peeling rounds before giving up.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Target probability that any bin test of one decode errs; sets the thresholds.</summary>
    public double FalseAlarmProbability { get; init; } = 0.01;

    public ulong Seed { get; init; }

    public SprightPlan Resolve() => SprightPlan.From(this);
}
