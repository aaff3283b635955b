namespace Workbench.Data.Hdf5;

/// <summary>Shape and storage of a dataset written by <see cref="Hdf5DatasetWriter"/>.</summary>
public sealed record DatasetWriterOptions
{
    /// <summary>Number of samples N; the writer must receive exactly this many before <see cref="Hdf5DatasetWriter.Complete"/>.</summary>
    public required long SampleCount { get; init; }

    /// <summary>Shape of one input sample (the file holds N x InputShape).</summary>
    public required int[] InputShape { get; init; }

    /// <summary>Shape of one target sample (the file holds N x TargetShape).</summary>
    public required int[] TargetShape { get; init; }

    /// <summary>Samples per HDF5 chunk along the first dimension; a chunk always spans whole samples.</summary>
    public int SamplesPerChunk { get; init; } = 1;

    public DeflateLevel Deflate { get; init; } = DeflateLevel.None;

    public DatasetProvenance? Provenance { get; init; }

    /// <summary>Optional time stamps written to <c>/time</c> (1-D).</summary>
    public float[]? Time { get; init; }

    /// <summary>Optional grid coordinates written to <c>/grid</c> with shape <see cref="GridShape"/> (1-D when that is null).</summary>
    public float[]? Grid { get; init; }

    public int[]? GridShape { get; init; }

    internal void Validate()
    {
        if (SampleCount <= 0)
            throw new ArgumentException($"SampleCount must be positive, got {SampleCount}.");
        ValidateShape(nameof(InputShape), InputShape);
        ValidateShape(nameof(TargetShape), TargetShape);
        if (SamplesPerChunk <= 0)
            throw new ArgumentException($"SamplesPerChunk must be positive, got {SamplesPerChunk}.");
        foreach (var (name, shape) in new[] { (nameof(InputShape), InputShape), (nameof(TargetShape), TargetShape) })
        {
            var chunkBytes = (long)Math.Min(SamplesPerChunk, SampleCount) * ElementCount(shape) * sizeof(float);
            if (chunkBytes > int.MaxValue)
                throw new ArgumentException($"A chunk of {SamplesPerChunk} samples of {name} [{string.Join(", ", shape)}] exceeds 2 GiB; use fewer samples per chunk.");
        }
        if (!Enum.IsDefined(Deflate))
            throw new ArgumentException($"Deflate level {(int)Deflate} is not supported; use 0, 1 or 9.");
        if (Grid is not null && GridShape is not null && ElementCount(GridShape) != Grid.Length)
            throw new ArgumentException($"Grid holds {Grid.Length} values but GridShape [{string.Join(", ", GridShape)}] needs {ElementCount(GridShape)}.");
        if (Grid is null && GridShape is not null)
            throw new ArgumentException("GridShape is set but Grid is null.");
    }

    internal static long ElementCount(int[] shape) => shape.Aggregate(1L, (product, size) => product * size);

    private static void ValidateShape(string name, int[] shape)
    {
        if (shape.Length == 0 || shape.Any(size => size <= 0))
            throw new ArgumentException($"{name} must list positive sizes, got [{string.Join(", ", shape)}].");
    }
}
