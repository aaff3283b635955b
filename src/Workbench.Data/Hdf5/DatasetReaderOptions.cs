namespace Workbench.Data.Hdf5;

/// <summary>
/// Which datasets of a file hold the samples. The defaults follow the workbench layout; other layouts name their
/// own paths, e.g. PDEBench's single "tensor" [N, T, X, Y] (TargetsPath null) or neuraloperator's "a" and "u".
/// </summary>
public sealed record DatasetReaderOptions
{
    public string InputsPath { get; init; } = DatasetLayout.Inputs;

    /// <summary>Targets dataset, or null for files that hold one array only.</summary>
    public string? TargetsPath { get; init; } = DatasetLayout.Targets;

    /// <summary>Bytes of decoded chunks kept per dataset (PureHDF's default of 1 MiB re-reads chunks over and over).</summary>
    public long ChunkCacheBytes { get; init; } = 64L << 20;

    public static DatasetReaderOptions Default { get; } = new();
}
