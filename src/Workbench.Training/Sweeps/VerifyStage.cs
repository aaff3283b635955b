using System.Globalization;

namespace Workbench.Training.Sweeps;

/// <summary>
/// The train stage's nowcast verification: per seed, <c>workbench nowcast verify</c> scores that seed's runs (each
/// under its name in <see cref="Runs"/>) with persistence and extrapolation on one test range, into
/// <see cref="Out"/> with {seed} replaced; then <see cref="Collect"/>, if given, runs once over the seeds' JSON files.
/// </summary>
public sealed record VerifyStage
{
    public const string SeedPlaceholder = "{seed}";

    /// <summary>The word of <see cref="Collect"/> that stands for every seed's PREFIX.json, in the order of the seeds.</summary>
    public const string JsonPlaceholder = "{json}";

    public required string Data { get; init; }
    public required string Test { get; init; }
    public string Checkpoint { get; init; } = "last";

    /// <summary>NAME: VARIANT (an experiment's file stem, with -OVERRIDE when the sweep has overrides), in table order; default every variant under its own name.</summary>
    public Dictionary<string, string> Runs { get; init; } = [];

    /// <summary>Output prefix of each seed's PREFIX.json and PREFIX.md, holding {seed}.</summary>
    public required string Out { get; init; }

    /// <summary>A program and its arguments run after the verifications, e.g. python3 collect_radar.py {json} --out PREFIX.</summary>
    public string[]? Collect { get; init; }

    public string OutFor(long seed) => Out.Replace(SeedPlaceholder, seed.ToString(CultureInfo.InvariantCulture));

    public IEnumerable<string> Problems(IReadOnlyCollection<string> variants, int seeds)
    {
        if (string.IsNullOrWhiteSpace(Data)) yield return "data: expected the radar dataset's path";
        if (Test.Count(c => c == ':') != 1) yield return $"test: expected a sample range start:end, got '{Test}'";
        if (Checkpoint is not ("last" or "best")) yield return $"checkpoint: expected last or best, got '{Checkpoint}'";
        if (seeds > 1 && !Out.Contains(SeedPlaceholder)) yield return $"out: expected {SeedPlaceholder} in the prefix (the sweep has several seeds), got '{Out}'";
        foreach (var (name, variant) in Runs)
        {
            if (!SweepFile.SafeName().IsMatch(name)) yield return $"runs: expected names of letters, digits, '.', '_' or '-', got '{name}'";
            if (!variants.Contains(variant)) yield return $"runs.{name}: no variant '{variant}' (the sweep has: {string.Join(", ", variants)})";
        }
        if (Collect is { } collect)
        {
            if (collect.Length == 0 || string.IsNullOrWhiteSpace(collect[0])) yield return "collect: expected a program and its arguments";
            else if (!collect.Skip(1).Contains(JsonPlaceholder)) yield return $"collect: expected the word {JsonPlaceholder} among the arguments (the seeds' JSON files)";
        }
    }
}
