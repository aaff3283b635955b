namespace Workbench.Training.Config;

/// <summary>
/// Where samples come from: a built-in generated task (<c>builtin</c>) or an HDF5 file (<c>path</c>), and how it is
/// split into training, validation and test ranges ("start:end", end exclusive, sample indices or fractions of N).
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
    }
}
