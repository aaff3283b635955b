using Workbench.Figures.Charts;
using Workbench.Figures.Output;

namespace Workbench.Interactive.Plots;

/// <summary>A named series of (x, y) points.</summary>
public sealed record PlotSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    public static PlotSeries Of(string name, IReadOnlyList<double> y) =>
        new(name, Enumerable.Range(0, y.Count).Select(i => (double)i).ToArray(), y);
}

/// <summary>
/// Line plot of one or more series, drawn by the chart builder of the paper figures (<see cref="CurveCharts"/>).
/// On a log axis points with a non-positive coordinate are not drawn.
/// </summary>
public sealed record LinePlot(string Title, string XLabel, string YLabel, IReadOnlyList<PlotSeries> Series,
    bool LogX = false, bool LogY = false)
{
    public static LinePlot LogLog(string title, string xLabel, string yLabel, params PlotSeries[] series) =>
        new(title, xLabel, yLabel, series, LogX: true, LogY: true);

    public Figure ToFigure() =>
        CurveCharts.Lines("plot", Title, XLabel, YLabel, Series.Select(s => new Series(s.Name, s.X, s.Y)).ToList(), LogX, LogY);
}
