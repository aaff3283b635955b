namespace Workbench.Training.Config;

/// <summary>
/// Where samples come from: a built-in generated task (<c>builtin</c>) or an HDF5 file (<c>path</c>), and how it is
/// split into training, validation and test index ranges ("start:end", end exclusive).
/// </summary>
public sealed record DataConfig
{
    public string? Builtin { get; init; }
    public string? Path { get; init; }
    public string Inputs { get; init; } = "/inputs";
    public string Targets { get; init; } = "/targets";
    public int Samples { get; init; } = 256;
    public int Resolution { get; init; } = 64;
    public required string Train { get; init; }
    public required string Validation { get; init; }
    public string? Test { get; init; }

    public const string HeatSmoothing1d = "heat-smoothing-1d";

    public IEnumerable<string> Problems()
    {
        if ((Builtin is null) == (Path is null))
            yield return "builtin/path: expected exactly one of a built-in task name or an HDF5 path";
        if (Builtin is not null && Builtin != HeatSmoothing1d)
            yield return $"builtin: expected '{HeatSmoothing1d}', got '{Builtin}'";
        if (Samples < 1) yield return $"samples: expected a positive integer, got {Samples}";
        if (Resolution < 4) yield return $"resolution: expected at least 4, got {Resolution}";
        foreach (var (field, value) in new[] { ("train", Train), ("validation", Validation), ("test", Test) })
            if (value is not null && !IndexRange.TryParse(value, out _))
                yield return $"{field}: expected an index range 'start:end', got '{value}'";
    }
}

/// <summary>A half-open range of sample indices written "start:end".</summary>
public readonly record struct IndexRange(long Start, long End)
{
    public long Count => End - Start;

    public IEnumerable<long> Indices()
    {
        for (var i = Start; i < End; i++) yield return i;
    }

    public static bool TryParse(string text, out IndexRange range)
    {
        range = default;
        var parts = text.Split(':');
        if (parts.Length != 2 || !long.TryParse(parts[0], out var start) || !long.TryParse(parts[1], out var end)) return false;
        if (start < 0 || end <= start) return false;
        range = new IndexRange(start, end);
        return true;
    }

    public static IndexRange Parse(string text) =>
        TryParse(text, out var range) ? range : throw new FormatException($"expected 'start:end', got '{text}'");

    public override string ToString() => $"{Start}:{End}";
}
