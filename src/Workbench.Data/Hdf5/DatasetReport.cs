using System.Globalization;
using System.Text;

namespace Workbench.Data.Hdf5;

/// <summary>Minimum, maximum and mean of a floating-point dataset, and how many values were NaN (left out of the others).</summary>
public sealed record ValueRange(double Min, double Max, double Mean, long NaNCount);

/// <summary>One dataset of an inspected file.</summary>
public sealed record DatasetEntry(
    string Path,
    long[] Shape,
    string ElementType,
    string Layout,
    long[]? ChunkShape,
    IReadOnlyList<Hdf5Filter>? Filters,
    IReadOnlyDictionary<string, string> Attributes,
    ValueRange? Values);

/// <summary>What <c>datasets inspect</c> shows: every dataset with its storage and value range, and the root attributes.</summary>
public sealed record DatasetReport(string FilePath, IReadOnlyList<DatasetEntry> Datasets, IReadOnlyDictionary<string, string> Attributes)
{
    public string Render()
    {
        var text = new StringBuilder();
        text.AppendLine(FilePath);
        foreach (var dataset in Datasets)
        {
            text.AppendLine($"  {dataset.Path}  {dataset.ElementType} [{string.Join(", ", dataset.Shape)}]");
            var chunks = dataset.ChunkShape is null ? "" : $" chunks [{string.Join(", ", dataset.ChunkShape)}]";
            var filters = dataset.Filters switch
            {
                null => "unknown",
                { Count: 0 } => "none",
                var names => string.Join(", ", names),
            };
            text.AppendLine($"    layout {dataset.Layout}{chunks}, compression {filters}");
            if (dataset.Values is { } values)
            {
                var nan = values.NaNCount > 0 ? $", {values.NaNCount} NaN" : "";
                text.AppendLine($"    values min {Number(values.Min)}, max {Number(values.Max)}, mean {Number(values.Mean)}{nan}");
            }
            foreach (var (name, value) in dataset.Attributes)
                text.AppendLine($"    @{name} = {value}");
        }
        if (Attributes.Count > 0)
        {
            text.AppendLine("  attributes");
            foreach (var (name, value) in Attributes)
                text.AppendLine($"    {name} = {value}");
        }
        return text.ToString();
    }

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
