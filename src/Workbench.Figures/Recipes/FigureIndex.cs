using System.Net;
using System.Text;
using Workbench.Figures.Output;

namespace Workbench.Figures.Recipes;

/// <summary>An index page that shows every figure in an iframe of the figure's own size (the pages load the plotly.min.js beside the index: no network needed).</summary>
public static class FigureIndex
{
    public sealed record Entry(string Recipe, Figure Figure, string Description);

    /// <summary>Room for the body margin of a figure page around the chart.</summary>
    public const int FrameMargin = 24;

    public static string Html(IReadOnlyList<Entry> figures, bool quick)
    {
        var page = new StringBuilder();
        page.AppendLine("<!DOCTYPE html>");
        page.AppendLine("<html><head><meta charset=\"utf-8\"><title>Workbench figures</title>");
        page.AppendLine("<style>body{font-family:sans-serif;margin:2em} iframe{border:1px solid #ccc;display:block}</style></head><body>");
        page.AppendLine($"<h1>Workbench figures{(quick ? " (quick settings)" : "")}</h1>");
        foreach (var (recipe, figure, description) in figures)
        {
            var link = $"{Uri.EscapeDataString(recipe)}/{Uri.EscapeDataString(figure.Name)}";
            var name = WebUtility.HtmlEncode(figure.Name);
            page.AppendLine($"<h2 id=\"{name}\">{name}</h2>");
            if (description.Length > 0) page.AppendLine($"<p>{WebUtility.HtmlEncode(description)}</p>");
            page.AppendLine($"<p><a href=\"{link}.html\">open</a> · <a href=\"{link}.csv\">data (CSV)</a></p>");
            page.AppendLine($"<iframe src=\"{link}.html\" title=\"{name}\" width=\"{figure.Width + FrameMargin}\" height=\"{figure.Height + FrameMargin}\"></iframe>");
        }
        page.AppendLine("</body></html>");
        return page.ToString();
    }
}
