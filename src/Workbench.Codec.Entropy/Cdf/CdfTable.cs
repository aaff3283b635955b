namespace Workbench.Codec.Entropy.Cdf;

/// <summary>
/// A set of quantised cdfs. Cdf k codes the integers offset_k .. offset_k + m_k - 1 as symbols 0 .. m_k - 1; its last
/// symbol (m_k) is the escape for any other integer, which is then bypass-coded.
/// </summary>
public sealed class CdfTable
{
    private readonly int[][] _cdfs;
    private readonly int[] _offsets;

    public CdfTable(IReadOnlyList<int[]> cdfs, IReadOnlyList<int> offsets)
    {
        if (cdfs.Count == 0) throw new ArgumentException("a cdf table needs at least one cdf", nameof(cdfs));
        if (cdfs.Count != offsets.Count) throw new ArgumentException($"{cdfs.Count} cdfs but {offsets.Count} offsets", nameof(offsets));
        for (var k = 0; k < cdfs.Count; k++) QuantizedCdf.Validate(cdfs[k], $"cdf {k}");
        _cdfs = cdfs.Select(c => c.ToArray()).ToArray();
        _offsets = offsets.ToArray();
    }

    public int Count => _cdfs.Length;

    public ReadOnlySpan<int> Cdf(int index) => _cdfs[index];

    public int Offset(int index) => _offsets[index];

    /// <summary>Number of in-range symbols of cdf k (the escape symbol not counted).</summary>
    public int InRangeSymbols(int index) => _cdfs[index].Length - 2;
}
