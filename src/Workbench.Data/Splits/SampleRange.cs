namespace Workbench.Data.Splits;

/// <summary>Sample indices [Start, End).</summary>
public readonly record struct SampleRange(long Start, long End)
{
    public long Count => End - Start;

    public bool Overlaps(SampleRange other) => Count > 0 && other.Count > 0 && Start < other.End && other.Start < End;

    public IEnumerable<long> Indices()
    {
        for (var index = Start; index < End; index++)
            yield return index;
    }

    public override string ToString() => $"{Start}:{End}";
}
