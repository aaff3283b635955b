using System.Globalization;
using System.Text;

namespace Workbench.Figures.Output;

/// <summary>The numbers behind a figure, written beside it as CSV (invariant culture, round-trip precision).</summary>
public sealed class FigureData(IReadOnlyList<string> columns)
{
    private readonly List<string[]> _rows = [];

    public IReadOnlyList<string> Columns { get; } = columns;
    public int RowCount => _rows.Count;

    public void Add(params object[] values)
    {
        if (values.Length != Columns.Count)
            throw new ArgumentException($"expected {Columns.Count} values per row, got {values.Length}");
        _rows.Add(values.Select(Format).ToArray());
    }

    public string ToCsv()
    {
        var text = new StringBuilder();
        text.AppendLine(string.Join(',', Columns.Select(Quote)));
        foreach (var row in _rows) text.AppendLine(string.Join(',', row.Select(Quote)));
        return text.ToString().ReplaceLineEndings("\n");
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;
}
