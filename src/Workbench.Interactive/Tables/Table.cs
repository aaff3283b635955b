using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;

namespace Workbench.Interactive.Tables;

/// <summary>A results table of formatted cells, shown as an HTML table.</summary>
public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>One row per item, one column per public scalar property (numbers, text, booleans, enums).</summary>
    public static Table Of<T>(IEnumerable<T> items)
    {
        var properties = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && IsScalar(p.PropertyType)).ToArray();
        var rows = items.Select(item => (IReadOnlyList<string>)properties.Select(p => Cell(p.GetValue(item))).ToArray()).ToArray();
        return new Table(properties.Select(p => p.Name).ToArray(), rows);
    }

    /// <summary>The scalar properties of one object as a two-column (name, value) table.</summary>
    public static Table Fields(object item)
    {
        var rows = item.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && IsScalar(p.PropertyType))
            .Select(p => (IReadOnlyList<string>)[p.Name, Cell(p.GetValue(item))]).ToArray();
        return new Table(["field", "value"], rows);
    }

    /// <summary>A JSON object (e.g. a run summary) as (key, value) rows; nested objects become dotted keys.</summary>
    public static Table FromJson(JsonObject json)
    {
        var rows = new List<IReadOnlyList<string>>();
        Flatten(json, "", rows);
        return new Table(["key", "value"], rows);
    }

    public string ToHtml()
    {
        var html = new StringBuilder("<table class=\"workbench-table\" style=\"border-collapse:collapse\"><thead><tr>");
        foreach (var c in Columns) html.Append($"<th style=\"border:1px solid #ccc;padding:2px 8px\">{Escape(c)}</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row) html.Append($"<td style=\"border:1px solid #ccc;padding:2px 8px;text-align:right\">{Escape(cell)}</td>");
            html.Append("</tr>");
        }
        return html.Append("</tbody></table>").ToString();
    }

    private static void Flatten(JsonNode? node, string prefix, List<IReadOnlyList<string>> rows)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj) Flatten(value, prefix.Length == 0 ? key : $"{prefix}.{key}", rows);
            return;
        }
        rows.Add([prefix, node switch
        {
            null => "null",
            JsonValue v when v.TryGetValue<double>(out var d) => Cell(d),
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => node.ToJsonString(),
        }]);
    }

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
