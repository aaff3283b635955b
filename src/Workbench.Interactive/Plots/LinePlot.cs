namespace Workbench.Interactive.Plots;

/// <summary>A named series of (x, y) points.</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    public static PlotSeries Of(string name, IReadOnlyList<double> y) =>
        new(name, Enumerable.Range(0, y.Count).Select(i => (double)i).ToArray(), y);
}

/// <summary>
/// Line plot of one or more series, drawn as inline SVG (no script, no network). On a log axis points with a
/// non-positive coordinate are left out and the line breaks there.
/// </summary>
public sealed record LinePlot(string Title, string XLabel, string YLabel, IReadOnlyList<PlotSeries> Series,
    bool LogX = false, bool LogY = false)
{
    public static LinePlot LogLog(string title, string xLabel, string yLabel, params PlotSeries[] series) =>
        new(title, xLabel, yLabel, series, LogX: true, LogY: true);

    public string ToSvg(int width = 600, int height = 360) => SvgLinePlot.Render(this, width, height);
}
