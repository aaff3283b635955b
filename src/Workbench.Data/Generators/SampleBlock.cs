using System.Globalization;
using Workbench.Core.Errors;

namespace Workbench.Data.Generators;

/// <summary>
/// A contiguous block of sample indices. Shard i of n over N samples holds indices floor(i N / n) .. floor((i+1) N / n) - 1,
/// so the shards are disjoint, cover 0 .. N-1, and concatenating them in shard order restores index order.
/// </summary>
public readonly record struct SampleBlock(long Start, long Count)
{
    public long End => Start + Count;

    public IEnumerable<long> Indices()
    {
        for (var i = Start; i < End; i++) yield return i;
    }

    public static SampleBlock All(long samples) => Shard(samples, 0, 1);

    public static SampleBlock Shard(long samples, int shard, int shards)
    {
        if (samples <= 0) throw new WorkbenchException($"--samples: expected a positive count, got {samples}.");
        if (shards <= 0 || shard < 0 || shard >= shards)
            throw new WorkbenchException($"--shard: expected i/n with 0 <= i < n, got {shard}/{shards}.");
        var start = shard * samples / shards;
        var end = (shard + 1) * samples / shards;
        return new SampleBlock(start, end - start);
    }

    /// <summary>The block of <c>--shard i/n</c> over <paramref name="samples"/> samples.</summary>
    public static SampleBlock Shard(long samples, string shard)
    {
        var (index, count) = ParseShard(shard);
        return Shard(samples, index, count);
    }

    /// <summary>Parses "i/n" as given to <c>--shard</c>.</summary>
    public static (int Shard, int Shards) ParseShard(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var shard)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var shards)
            && shards > 0 && shard < shards)
            return (shard, shards);
        throw new WorkbenchException($"--shard: expected i/n with 0 <= i < n (e.g. 0/4), got '{text}'.");
    }
}
