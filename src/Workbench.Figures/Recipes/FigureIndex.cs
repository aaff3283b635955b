using System.Net;
using System.Text;

namespace Workbench.Figures.Recipes;

/// <summary>An index page that shows every figure in an iframe (each figure page embeds plotly.js: no network needed).</summary>
public static class FigureIndex
{
    public static string Html(IReadOnlyList<(string Recipe, string Figure, string Description)> figures, bool quick)
    {
        var page = new StringBuilder();
        page.AppendLine("<!DOCTYPE html>");
        page.AppendLine("<html><head><meta charset=\"utf-8\"><title>Workbench figures</title>");
        page.AppendLine("<style>body{font-family:sans-serif;margin:2em} iframe{width:100%;height:560px;border:1px solid #ccc}</style></head><body>");
        page.AppendLine($"<h1>Workbench figures{(quick ? " (quick settings)" : "")}</h1>");
        foreach (var (recipe, figure, description) in figures)
        {
            var link = $"{Uri.EscapeDataString(recipe)}/{Uri.EscapeDataString(figure)}";
            page.AppendLine($"<h2 id=\"{WebUtility.HtmlEncode(figure)}\">{WebUtility.HtmlEncode(figure)}</h2>");
            if (description.Length > 0) page.AppendLine($"<p>{WebUtility.HtmlEncode(description)}</p>");
            page.AppendLine($"<p><a href=\"{link}.html\">open</a> · <a href=\"{link}.csv\">data (CSV)</a></p>");
            page.AppendLine($"<iframe src=\"{link}.html\" title=\"{WebUtility.HtmlEncode(figure)}\"></iframe>");
        }
        page.AppendLine("</body></html>");
        return page.ToString();
    }
}
