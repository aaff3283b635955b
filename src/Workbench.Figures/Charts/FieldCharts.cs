using Microsoft.FSharp.Core;
using Plotly.NET;
using Plotly.NET.LayoutObjects;
using Workbench.Figures.Output;
using Figure = Workbench.Figures.Output.Figure;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace Workbench.Figures.Charts;

/// <summary>
/// Heatmaps of 2-D fields given as [rows, columns] arrays, row 0 on top and square cells. Unsigned panels share one
/// viridis range; signed panels (errors) share one diverging range symmetric about 0. The CSV holds panel, row,
/// column, value.
/// </summary>
public static class FieldCharts
{
    /// <summary>ColorBrewer's RdBu anchors, white at the centre: negative values blue, positive ones red.</summary>
    public static readonly StyleParam.Colorscale Diverging = StyleParam.Colorscale.NewCustom(
    [
        Tuple.Create(0.0, Color.fromString("rgb(5,48,97)")), Tuple.Create(0.25, Color.fromString("rgb(67,147,195)")),
        Tuple.Create(0.5, Color.fromString("rgb(247,247,247)")), Tuple.Create(0.75, Color.fromString("rgb(214,96,77)")),
        Tuple.Create(1.0, Color.fromString("rgb(103,0,31)")),
    ]);

    public static readonly StyleParam.Colorscale Sequential = StyleParam.Colorscale.Viridis;

    public static Figure Heatmap(string name, string title, float[,] field, bool signed = false) =>
        Panels(name, title, [new FieldPanel(title, field, signed)], 1);

    /// <summary>Truth and prediction on one viridis range, and their difference (prediction - truth) on the diverging map.</summary>
    public static Figure TruthPredictionError(string name, string title, float[,] truth, float[,] prediction)
    {
        if (truth.GetLength(0) != prediction.GetLength(0) || truth.GetLength(1) != prediction.GetLength(1))
            throw new ArgumentException("truth and prediction must have the same shape");
        var error = new float[truth.GetLength(0), truth.GetLength(1)];
        for (var r = 0; r < truth.GetLength(0); r++)
            for (var c = 0; c < truth.GetLength(1); c++)
                error[r, c] = prediction[r, c] - truth[r, c];
        return Panels(name, title, [new FieldPanel("truth", truth), new FieldPanel("prediction", prediction), new FieldPanel("error", error, Signed: true)], 3);
    }

    /// <summary>
    /// Titled fields in a grid of <paramref name="columns"/> columns, row by row. Unsigned panels use
    /// <paramref name="range"/> (default: their joint minimum and maximum).
    /// </summary>
    public static Figure Panels(string name, string title, IReadOnlyList<FieldPanel> panels, int columns, (double Minimum, double Maximum)? range = null)
    {
        if (panels.Count == 0) throw new ArgumentException("no panels to draw");
        columns = Math.Min(columns, panels.Count);
        var data = new FigureData(["panel", "row", "column", "value"]);
        foreach (var panel in panels) AddPanel(data, panel.Title, panel.Field);

        var unsigned = panels.Where(p => !p.Signed).ToList();
        var signed = panels.Where(p => p.Signed).ToList();
        var sequentialRange = range ?? JointRange(unsigned);
        var reach = signed.Count == 0 ? 1 : Math.Max(signed.Max(p => MaxAbs(p.Field)), 1e-12);
        var bothScales = unsigned.Count > 0 && signed.Count > 0;
        var traces = panels.Select(p =>
        {
            var lastOfItsKind = p == (p.Signed ? signed[^1] : unsigned[^1]);
            var (low, high) = p.Signed ? (-reach, reach) : sequentialRange;
            var bar = bothScales ? ColorBar(p.Signed ? "difference" : "value", p.Signed ? 0.0 : 0.52) : null;
            return Trace(p, low, high, p.Signed ? Diverging : Sequential, lastOfItsKind, bar);
        }).ToArray();

        var rows = (panels.Count + columns - 1) / columns;
        var (panelWidth, panelHeight) = PanelSize(panels[0].Field, columns);
        var chart = panels.Count == 1
            ? traces[0]
            : CSharpChart.Grid(traces, rows, columns, SubPlotTitles: panels.Select(p => p.Title).ToArray(),
                XGap: (double)ColumnGap / panelWidth, YGap: (double)RowGap / panelHeight);
        for (var i = 1; i <= panels.Count; i++) chart = SquareCells(chart, i);
        // plotly.js grid gaps are fractions of one cell; the fixed margins add 180 x 120 pixels.
        var (width, height) = (columns * panelWidth + (columns - 1) * ColumnGap + 180, rows * panelHeight + (rows - 1) * RowGap + 120);
        return new Figure(name, Plotly.NET.Chart.withLayout(FixedMargins()).Invoke(chart.Titled(title)), data, width, height);
    }

    private const int ColumnGap = 40;
    private const int RowGap = 70;

    /// <summary>Panel size in pixels: the fields' own aspect ratio (little space lost to the scale anchor).</summary>
    private static (int Width, int Height) PanelSize(float[,] field, int columns)
    {
        var width = columns <= 3 ? 280 : Math.Max(150, 1000 / columns);
        return (width, width * field.GetLength(0) / Math.Max(1, field.GetLength(1)));
    }

    private static GenericChart Trace(FieldPanel panel, double low, double high, StyleParam.Colorscale scale, bool showScale, ColorBar? bar)
    {
        var rows = Enumerable.Range(0, panel.Field.GetLength(0))
            .Select(r => Enumerable.Range(0, panel.Field.GetLength(1)).Select(c => (double)panel.Field[r, c]).ToArray()).ToArray();
        // UseDefaults: false as in CurveCharts.Lines (the notebook kernel).
        var chart = CSharpChart.Heatmap<double, int, int, string>(rows, Name: panel.Title, ShowScale: showScale, ColorScale: scale, UseDefaults: false);
        return GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(trace =>
        {
            // Plotly's zmin/zmax, which the C# heatmap signature does not expose.
            trace.SetProperty("zmin", low);
            trace.SetProperty("zmax", high);
            if (bar is not null) trace.SetProperty("colorbar", bar);
            return trace;
        }), chart);
    }

    /// <summary>
    /// Margins that already hold the title, tick labels and colour bars. Left to expand on their own, the static-image
    /// exporter (which lays the chart out once at its default page size first) keeps them grown and shrinks the panels.
    /// </summary>
    private static Layout FixedMargins()
    {
        var margin = new Margin();
        margin.SetProperty("l", 50);
        margin.SetProperty("r", 130);
        margin.SetProperty("t", 80);
        margin.SetProperty("b", 40);
        margin.SetProperty("autoexpand", false);
        var layout = new Layout();
        layout.SetProperty("margin", margin);
        return layout;
    }

    /// <summary>Two colour bars stacked on the right: the unsigned fields' range on top, the signed ones' below.</summary>
    private static ColorBar ColorBar(string title, double bottom)
    {
        var bar = new ColorBar();
        var text = new Title();
        text.SetProperty("text", title);
        bar.SetProperty("title", text);
        bar.SetProperty("y", bottom);
        bar.SetProperty("yanchor", "bottom");
        bar.SetProperty("len", 0.46);
        return bar;
    }

    /// <summary>
    /// Subplot <paramref name="index"/>: one data unit as long on y as on x, row 0 at the top. The panel sizes already
    /// follow the fields' aspect, so the axis ranges barely stretch. (Constraining the domain instead would be lost in
    /// static exports: plotly.js's toImage keeps domains computed at the page's size.)
    /// </summary>
    private static GenericChart SquareCells(GenericChart chart, int index)
    {
        var x = new LinearAxis();
        x.SetProperty("showgrid", false);
        var y = new LinearAxis();
        y.SetProperty("scaleanchor", index == 1 ? "x" : $"x{index}");
        y.SetProperty("autorange", "reversed");
        y.SetProperty("showgrid", false);
        chart = Plotly.NET.Chart.withXAxis(x, FSharpOption<StyleParam.SubPlotId>.Some(StyleParam.SubPlotId.NewXAxis(index))).Invoke(chart);
        return Plotly.NET.Chart.withYAxis(y, FSharpOption<StyleParam.SubPlotId>.Some(StyleParam.SubPlotId.NewYAxis(index))).Invoke(chart);
    }

    private static (double, double) JointRange(IReadOnlyList<FieldPanel> panels)
    {
        var values = panels.SelectMany(p => p.Field.Cast<float>()).Where(float.IsFinite).ToArray();
        return values.Length == 0 ? (0, 1) : (values.Min(), values.Max());
    }

    private static double MaxAbs(float[,] field) => field.Cast<float>().Where(float.IsFinite).Select(v => Math.Abs((double)v)).DefaultIfEmpty(0).Max();

    private static void AddPanel(FigureData data, string panel, float[,] field)
    {
        for (var r = 0; r < field.GetLength(0); r++)
            for (var c = 0; c < field.GetLength(1); c++)
                data.Add(panel, r, c, field[r, c]);
    }
}
