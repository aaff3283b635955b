namespace Workbench.Sparse.Spright;

/// <summary>Fully resolved SPRIGHT parameters. Sample cost = C 2^b P.</summary>
public sealed record SprightPlan(
    int InputBits,
    int Sparsity,
    double? SnrDb,
    int Stages,
    int BinBits,
    HashingKind Hashing,
    DetectorKind Detector,
    int OffsetChains,
    int ParityOffsets,
    int MaxIterations,
    double FalseAlarmProbability,
    ulong Seed)
{
    public const int MaxInputBits = 60;

    /// <summary>Bins per stage.</summary>
    public int Bins => 1 << BinBits;

    /// <summary>P, the offsets (and B-point transforms) per stage.</summary>
    public int OffsetsPerStage => Detector switch
    {
        DetectorKind.Noiseless => InputBits + 1,
        DetectorKind.Robust => OffsetChains * (InputBits + 1),
        _ => InputBits + 1 + ParityOffsets,
    };

    public long SampleCount => (long)Stages * Bins * OffsetsPerStage;

    /// <summary>N = 2^n, the points of the whole function.</summary>
    public double PointCount => Math.Pow(2, InputBits);

    /// <summary>The plan would query at least N samples: reading all N and one dense FWHT is cheaper and exact.</summary>
    public bool TakesDenseRoute => InputBits <= DenseRecovery.MaxInputBits && SampleCount >= PointCount;

    internal static SprightPlan From(SprightOptions o)
    {
        int n = o.InputBits, k = o.Sparsity;
        if (n < 1 || n > MaxInputBits)
            throw new ArgumentException($"InputBits (n) must be in 1..{MaxInputBits}, got {n}.", nameof(o.InputBits));
        if (k < 1)
            throw new ArgumentException($"Sparsity (K) must be >= 1, got {k}.", nameof(o.Sparsity));
        if (n < 63 && (ulong)k > 1UL << n)
            throw new ArgumentException($"Sparsity (K) must be <= 2^n = {1UL << n}, got {k}.", nameof(o.Sparsity));
        if (o.SnrDb is double snr && (double.IsNaN(snr) || snr < 0))
            throw new ArgumentException($"SnrDb must be >= 0 dB (or null for noiseless), got {snr}.", nameof(o.SnrDb));
        int stages = o.Stages ?? 3;
        if (stages < 1 || stages > 16)
            throw new ArgumentException($"Stages (C) must be in 1..16, got {stages}.", nameof(o.Stages));
        int b = o.BinBits ?? DefaultBinBits(n, k, stages, o.Hashing);
        if (b < 1 || b > Math.Min(n, 24))
            throw new ArgumentException($"BinBits (b) must be in 1..{Math.Min(n, 24)} for n = {n}, got {b}.", nameof(o.BinBits));
        if (o.Hashing == HashingKind.DisjointBlocks && stages * b > n)
            throw new ArgumentException(
                $"DisjointBlocks hashing needs Stages x BinBits <= n, got {stages} x {b} > {n}; use RandomFullRank.", nameof(o.Hashing));
        if (k > 2 * (1 << b))
            throw new ArgumentException(
                $"Sparsity K = {k} exceeds 2 x bins per stage (2 x {1 << b}); raise BinBits or lower K.", nameof(o.Sparsity));
        if (o.MaxIterations < 1)
            throw new ArgumentException($"MaxIterations must be >= 1, got {o.MaxIterations}.", nameof(o.MaxIterations));
        if (!(o.FalseAlarmProbability > 0 && o.FalseAlarmProbability < 1))
            throw new ArgumentException($"FalseAlarmProbability must be in (0, 1), got {o.FalseAlarmProbability}.", nameof(o.FalseAlarmProbability));
        var detector = o.Detector ?? (o.SnrDb is null ? DetectorKind.Noiseless : DetectorKind.Robust);
        if (detector == DetectorKind.SampleOptimal && n < 2)
            throw new ArgumentException($"The SampleOptimal detector needs n >= 2, got {n}.", nameof(o.Detector));
        int chains = o.OffsetChains ?? DefaultOffsetChains(n, k, stages, b, o.SnrDb, o.FalseAlarmProbability);
        if (chains < 1)
            throw new ArgumentException($"OffsetChains must be >= 1, got {chains}.", nameof(o.OffsetChains));
        int parity = o.ParityOffsets ?? 2 * (n + 1);
        if (parity < 1)
            throw new ArgumentException($"ParityOffsets must be >= 1, got {parity}.", nameof(o.ParityOffsets));
        return new SprightPlan(n, k, o.SnrDb, stages, b, o.Hashing, detector, chains, parity, o.MaxIterations,
            o.FalseAlarmProbability, o.Seed);
    }

    /// <summary>b = ceil(log2 K) + 1 (K/B &lt;= 1/2: a 3-stage peeling graph is far below its 2-core threshold and
    /// more than half of the bins are zero-tons, which the noise estimate relies on), capped by n (and by n / C for
    /// disjoint blocks).</summary>
    private static int DefaultBinBits(int n, int k, int stages, HashingKind hashing)
    {
        int b = (int)Math.Ceiling(Math.Log2(k)) + 1;
        int cap = hashing == HashingKind.DisjointBlocks ? Math.Max(1, n / stages) : n;
        return Math.Clamp(b, 1, Math.Min(cap, 24));
    }

    /// <summary>
    /// P1 from the SNR. A coefficient of average power S/K in a bin of noise variance sigma^2/B has per-bin SNR
    /// g = B snr / K. One sign is wrong with probability q &lt;= Q(sqrt g) &lt;= exp(-g/2) / sqrt(2 pi g) (Mills),
    /// a pair comparison with p &lt;= 2 q. A majority of P1 comparisons errs with probability &lt;= (4 p (1 - p))^(P1/2)
    /// (Chernoff). Requiring that to stay below delta / (n C K) (all bits of all singleton reads of one decode)
    /// gives P1 = 2 ln(n C K / delta) / -ln(4 p (1 - p)), rounded up to an odd number, at most 255.
    /// </summary>
    private static int DefaultOffsetChains(int n, int k, int stages, int b, double? snrDb, double delta)
    {
        if (snrDb is not double db) return 1;
        double g = Math.Pow(10, db / 10) * (1 << b) / k;
        double q = Math.Min(0.5, Math.Exp(-g / 2) / Math.Sqrt(2 * Math.PI * g));
        double p = Math.Min(0.49, 2 * q);
        double perChain = -Math.Log(4 * p * (1 - p));
        int chains = (int)Math.Ceiling(2 * Math.Log((double)n * stages * k / delta) / perChain);
        chains = Math.Clamp(chains, 1, 255);
        return chains % 2 == 0 ? chains + 1 : chains;
    }
}
