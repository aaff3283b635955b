using System.Globalization;
using Workbench.Core.Errors;

namespace Workbench.Data.Splits;

/// <summary>
/// Train / validation / test sample ranges of one dataset. Each is written "start:end" (end exclusive) with sample
/// indices ("0:800") or fractions of N ("0:0.8", "0.8:0.9"); an empty bound means 0 or N (":800", "900:").
/// An empty or null test split means none.
/// </summary>
public sealed record DatasetSplits(SampleRange Train, SampleRange Validation, SampleRange Test)
{
    public static DatasetSplits Parse(string train, string validation, string? test, long sampleCount)
    {
        if (sampleCount <= 0)
            throw new ConfigException($"splits: the dataset has no samples (N = {sampleCount}).");
        var splits = new DatasetSplits(
            ParseRange("train", train, sampleCount),
            ParseRange("validation", validation, sampleCount),
            string.IsNullOrWhiteSpace(test) ? new SampleRange(0, 0) : ParseRange("test", test, sampleCount));
        if (splits.Train.Count == 0)
            throw new ConfigException($"splits.train: '{train}' selects no samples.");
        var named = new[] { ("train", splits.Train), ("validation", splits.Validation), ("test", splits.Test) };
        for (var i = 0; i < named.Length; i++)
            for (var j = i + 1; j < named.Length; j++)
                if (named[i].Item2.Overlaps(named[j].Item2))
                    throw new ConfigException($"splits: {named[i].Item1} {named[i].Item2} and {named[j].Item1} {named[j].Item2} overlap.");
        return splits;
    }

    public static SampleRange ParseRange(string name, string text, long sampleCount)
    {
        var parts = (text ?? "").Split(':');
        if (parts.Length != 2)
            throw new ConfigException($"splits.{name}: '{text}' is not 'start:end' (sample indices or fractions of N, e.g. '0:800' or '0:0.8').");
        var start = ParseBound(name, text!, parts[0], sampleCount, 0);
        var end = ParseBound(name, text!, parts[1], sampleCount, sampleCount);
        if (start > end)
            throw new ConfigException($"splits.{name}: '{text}' starts at {start} after its end {end}.");
        if (end > sampleCount)
            throw new ConfigException($"splits.{name}: '{text}' ends at {end}, past the dataset's {sampleCount} samples.");
        return new SampleRange(start, end);
    }

    private static long ParseBound(string name, string text, string bound, long sampleCount, long whenEmpty)
    {
        bound = bound.Trim();
        if (bound.Length == 0)
            return whenEmpty;
        if (bound.Contains('.') || bound.Contains('e', StringComparison.OrdinalIgnoreCase))
        {
            if (!double.TryParse(bound, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) || fraction is < 0 or > 1)
                throw new ConfigException($"splits.{name}: '{text}' has bound '{bound}'; a fraction must lie in [0, 1].");
            return (long)Math.Round(fraction * sampleCount, MidpointRounding.AwayFromZero);
        }
        if (!long.TryParse(bound, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) || index < 0)
            throw new ConfigException($"splits.{name}: '{text}' has bound '{bound}'; expected a non-negative sample index or a fraction.");
        return index;
    }
}
