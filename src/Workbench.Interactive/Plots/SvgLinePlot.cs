using System.Globalization;
using System.Net;
using System.Text;

namespace Workbench.Interactive.Plots;

/// <summary>Draws a <see cref="LinePlot"/> as a self-contained SVG element.</summary>
internal static class SvgLinePlot
{
    private static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"];
    private const double Left = 70, Right = 150, Top = 34, Bottom = 50;

    public static string Render(LinePlot plot, int width, int height)
    {
        var x = new Axis(plot.Series.SelectMany(s => s.X), plot.LogX, Left, width - Right);
        var y = new Axis(plot.Series.SelectMany(s => s.Y), plot.LogY, height - Bottom, Top);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">");
        svg.Append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        Text(svg, width / 2.0, 18, plot.Title, "middle", 13);
        DrawTicks(svg, x, y, width, height);
        Text(svg, (Left + width - Right) / 2, height - 12, plot.XLabel, "middle");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"16\" y=\"{(Top + height - Bottom) / 2:F1}\" text-anchor=\"middle\" transform=\"rotate(-90 16 {(Top + height - Bottom) / 2:F1})\">{Escape(plot.YLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{Left}\" y=\"{Top}\" width=\"{width - Left - Right}\" height=\"{height - Top - Bottom}\" fill=\"none\" stroke=\"#444\"/>");
        for (var i = 0; i < plot.Series.Count; i++)
        {
            var series = plot.Series[i];
            if (series.X.Count != series.Y.Count)
                throw new ArgumentException($"series '{series.Name}': {series.X.Count} x values but {series.Y.Count} y values");
            var colour = Palette[i % Palette.Length];
            foreach (var path in Paths(series, x, y))
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.6\" points=\"{path}\"/>");
            var legendY = Top + 8 + 16 * i;
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{width - Right + 10}\" y1=\"{legendY}\" x2=\"{width - Right + 28}\" y2=\"{legendY}\" stroke=\"{colour}\" stroke-width=\"2\"/>");
            Text(svg, width - Right + 32, legendY + 4, series.Name, "start");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void DrawTicks(StringBuilder svg, Axis x, Axis y, int width, int height)
    {
        foreach (var (value, label) in x.Ticks())
        {
            var px = x.ToPixel(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{px:F1}\" y1=\"{Top}\" x2=\"{px:F1}\" y2=\"{height - Bottom}\" stroke=\"#ddd\"/>");
            Text(svg, px, height - Bottom + 14, label, "middle");
        }
        foreach (var (value, label) in y.Ticks())
        {
            var py = y.ToPixel(value);
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{py:F1}\" x2=\"{width - Right}\" y2=\"{py:F1}\" stroke=\"#ddd\"/>");
            Text(svg, Left - 6, py + 4, label, "end");
        }
    }

    /// <summary>Polyline point lists, split wherever a point cannot be drawn on the axes.</summary>
    private static IEnumerable<string> Paths(PlotSeries series, Axis x, Axis y)
    {
        var points = new StringBuilder();
        for (var i = 0; i < series.X.Count; i++)
        {
            if (x.Accepts(series.X[i]) && y.Accepts(series.Y[i]))
            {
                points.Append(CultureInfo.InvariantCulture, $"{x.ToPixel(series.X[i]):F1},{y.ToPixel(series.Y[i]):F1} ");
                continue;
            }
            if (points.Length > 0) yield return points.ToString().TrimEnd();
            points.Clear();
        }
        if (points.Length > 0) yield return points.ToString().TrimEnd();
    }

    private static void Text(StringBuilder svg, double x, double y, string text, string anchor, int size = 11) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<text x=\"{x:F1}\" y=\"{y:F1}\" text-anchor=\"{anchor}\" font-size=\"{size}\">{Escape(text)}</text>");

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
