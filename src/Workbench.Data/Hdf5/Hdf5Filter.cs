namespace Workbench.Data.Hdf5;

/// <summary>One stage of a dataset's filter pipeline: the HDF5 filter identifier and its client data.</summary>
public sealed record Hdf5Filter(int Identifier, IReadOnlyList<uint> ClientData)
{
    public const int DeflateIdentifier = 1;

    /// <summary>The deflate level of a deflate filter (its first client value), else null.</summary>
    public int? DeflateLevel => Identifier == DeflateIdentifier && ClientData.Count > 0 ? (int)ClientData[0] : null;

    public bool Equals(Hdf5Filter? other) =>
        other is not null && Identifier == other.Identifier && ClientData.SequenceEqual(other.ClientData);

    public override int GetHashCode() => HashCode.Combine(Identifier, ClientData.Count);

    /// <summary>The filter's name, such as "deflate(level 4)", "shuffle" or "filter 307" for one without a known name.</summary>
    public override string ToString() => Identifier switch
    {
        DeflateIdentifier => DeflateLevel is { } level ? $"deflate(level {level})" : "deflate",
        2 => "shuffle",
        3 => "fletcher32",
        4 => "szip",
        5 => "nbit",
        6 => "scaleoffset",
        32001 => "blosc",
        32004 => "lz4",
        32008 => "bitshuffle",
        32015 => "zstd",
        _ => $"filter {Identifier}",
    };
}
