using Plotly.NET;
using Workbench.Figures.Output;
using Figure = Workbench.Figures.Output.Figure;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbench.Figures.Charts;

/// <summary>A named series of (x, y) points.</summary>
public sealed record Series(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y);

/// <summary>Line plots (linear or log-log) of one or more series; the CSV holds series, x, y in long format.</summary>
public static class CurveCharts
{
    public static Figure Lines(string name, string title, string xLabel, string yLabel, IReadOnlyList<Series> series,
        bool logX = false, bool logY = false)
    {
        var data = new FigureData(["series", xLabel, yLabel]);
        var traces = new List<GenericChart>();
        foreach (var s in series)
        {
            if (s.X.Count != s.Y.Count) throw new ArgumentException($"series '{s.Name}': {s.X.Count} x values but {s.Y.Count} y values");
            for (var i = 0; i < s.X.Count; i++) data.Add(s.Name, s.X[i], s.Y[i]);
            // Without Plotly.NET's global defaults, whose HTML parts the .NET Interactive kernel cannot load (notebooks/README.md);
            // FigureTheme and Figure set template and size.
            traces.Add(CSharpChart.Line<double, double, string>(s.X, s.Y, Name: s.Name, ShowMarkers: s.X.Count <= 50, UseDefaults: false));
        }
        var chart = CSharpChart.Combine(traces).Titled(title).Axes(xLabel, yLabel, logX, logY);
        return new Figure(name, chart, data);
    }

    public static Figure LogLog(string name, string title, string xLabel, string yLabel, IReadOnlyList<Series> series) =>
        Lines(name, title, xLabel, yLabel, series, logX: true, logY: true);
}
