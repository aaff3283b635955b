using Microsoft.FSharp.Core;
using Plotly.NET;
using Workbench.Figures.Output;
using Figure = Workbench.Figures.Output.Figure;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbench.Figures.Charts;

/// <summary>Heatmaps of 2-D fields given as [rows, columns] arrays; the CSV holds row, column, value per panel.</summary>
public static class FieldCharts
{
    public static Figure Heatmap(string name, string title, float[,] field)
    {
        var data = new FigureData(["panel", "row", "column", "value"]);
        AddPanel(data, title, field);
        var chart = HeatmapTrace(field, title, showScale: true).Titled(title);
        return new Figure(name, chart, data);
    }

    /// <summary>Truth, prediction and their difference side by side (shared colour scale for the first two).</summary>
    public static Figure TruthPredictionError(string name, string title, float[,] truth, float[,] prediction)
    {
        if (truth.GetLength(0) != prediction.GetLength(0) || truth.GetLength(1) != prediction.GetLength(1))
            throw new ArgumentException("truth and prediction must have the same shape");
        var error = new float[truth.GetLength(0), truth.GetLength(1)];
        for (var r = 0; r < truth.GetLength(0); r++)
            for (var c = 0; c < truth.GetLength(1); c++)
                error[r, c] = prediction[r, c] - truth[r, c];
        var data = new FigureData(["panel", "row", "column", "value"]);
        AddPanel(data, "truth", truth);
        AddPanel(data, "prediction", prediction);
        AddPanel(data, "error", error);
        var panels = new[] { HeatmapTrace(truth, "truth", false), HeatmapTrace(prediction, "prediction", false), HeatmapTrace(error, "error", true) };
        var chart = CSharpChart.Grid(panels, 1, 3, SubPlotTitles: new[] { "truth", "prediction", "error" }).Titled(title);
        return new Figure(name, chart, data);
    }

    /// <summary>Titled fields in a grid of <paramref name="columns"/> columns, row by row, on one colour range.</summary>
    public static Figure Panels(string name, string title, IReadOnlyList<(string Title, float[,] Field)> panels, int columns,
        double minimum, double maximum)
    {
        var data = new FigureData(["panel", "row", "column", "value"]);
        foreach (var (panelTitle, field) in panels) AddPanel(data, panelTitle, field);
        var traces = panels.Select((p, i) => WithRange(HeatmapTrace(p.Field, p.Title, i == panels.Count - 1), minimum, maximum)).ToArray();
        var rows = (panels.Count + columns - 1) / columns;
        var chart = CSharpChart.Grid(traces, rows, columns, SubPlotTitles: panels.Select(p => p.Title).ToArray()).Titled(title);
        return new Figure(name, chart, data);
    }

    private static GenericChart HeatmapTrace(float[,] field, string name, bool showScale)
    {
        var rows = Enumerable.Range(0, field.GetLength(0))
            .Select(r => Enumerable.Range(0, field.GetLength(1)).Select(c => (double)field[r, c]).ToArray()).ToArray();
        return CSharpChart.Heatmap<double, int, int, string>(rows, Name: name, ShowScale: showScale,
            ColorScale: StyleParam.Colorscale.Viridis);
    }

    /// <summary>Fixes the colour range (Plotly's zmin/zmax, which the C# heatmap signature does not expose).</summary>
    private static GenericChart WithRange(GenericChart chart, double minimum, double maximum) =>
        GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            trace.SetProperty("zmin", minimum);
            trace.SetProperty("zmax", maximum);
            return trace;
        }), chart);

    private static void AddPanel(FigureData data, string panel, float[,] field)
    {
        for (var r = 0; r < field.GetLength(0); r++)
            for (var c = 0; c < field.GetLength(1); c++)
                data.Add(panel, r, c, field[r, c]);
    }
}
