namespace Workbench.Sparse.Spright.Trials;

/// <summary>
/// Randomised SPRIGHT trials: K-sparse spectra with a uniformly random support of n-bit indices, noise of variance
/// sum_k X[k]^2 / 10^(SNR/10) per sample. Null overrides leave the decoder's defaults.
/// </summary>
public sealed record SprightTrialOptions
{
    public required int InputBits { get; init; }
    public required int Sparsity { get; init; }
    public double? SnrDb { get; init; }
    public int Trials { get; init; } = 100;
    public AmplitudeKind Amplitudes { get; init; } = AmplitudeKind.PlusMinusOne;
    public ulong Seed { get; init; } = 1;

    /// <summary>Time the dense float32 FWHT of the same N (only for n &lt;= <see cref="MaxDenseInputBits"/>).</summary>
    public bool MeasureDense { get; init; } = true;

    /// <summary>Threads for the dense FWHT timing.</summary>
    public int DenseThreads { get; init; } = 1;

    public int? Stages { get; init; }
    public int? BinBits { get; init; }
    public HashingKind Hashing { get; init; } = HashingKind.RandomFullRank;
    public DetectorKind? Detector { get; init; }
    public int? OffsetChains { get; init; }
    public int? ParityOffsets { get; init; }

    public const int MaxDenseInputBits = 26;

    /// <summary>Decoder options for one trial (the trial's own seed drives hashing and offsets).</summary>
    public SprightOptions DecoderOptions(ulong seed) => new()
    {
        InputBits = InputBits,
        Sparsity = Sparsity,
        SnrDb = SnrDb,
        Stages = Stages,
        BinBits = BinBits,
        Hashing = Hashing,
        Detector = Detector,
        OffsetChains = OffsetChains,
        ParityOffsets = ParityOffsets,
        Seed = seed,
    };
}
