using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.DotNet.Interactive.Formatting;
using Newtonsoft.Json;
using Plotly.NET;
using TorchSharp;
using Workbench.Figures.Charts;
using Workbench.Interactive;
using Workbench.Interactive.Display;
using Workbench.Interactive.Plots;
using Workbench.Interactive.Tables;
using Figure = Workbench.Figures.Output.Figure;
using PlotlyScript = Workbench.Figures.Output.PlotlyScript;

namespace Workbench.Notebooks.Tests.Formatting;

public class PlotTests
{
    private const string HtmlMime = "text/html";

    /// <summary>The traces and layout that a chart's HTML passes to Plotly.newPlot(id, data, layout, config).</summary>
    private static (JsonArray Traces, JsonObject Layout) NewPlotArguments(string html)
    {
        var start = html.IndexOf("newPlot(", StringComparison.Ordinal) + "newPlot(".Length;
        var end = html.LastIndexOf(");\n})();", StringComparison.Ordinal);
        Assert.True(start > "newPlot(".Length && end > start, html);
        var arguments = JsonNode.Parse("[" + html[start..end] + "]")!.AsArray();
        return (arguments[1]!.AsArray(), arguments[2]!.AsObject());
    }

    private static (JsonArray Traces, JsonObject Layout) Plot(Figure figure)
    {
        var (data, layout) = ChartHtml.PlotArguments(figure);
        return (JsonNode.Parse(data)!.AsArray(), JsonNode.Parse(layout)!.AsObject());
    }

    [Fact]
    public void A_line_plot_is_a_plotly_chart_with_its_points_log_axes_and_the_figure_theme()
    {
        double[] x = [1, 10, 100, 1000];
        double[] y = [1, 1e-2, 1e-4, 1e-6];
        var figure = LinePlot.LogLog("k^-2", "k", "E", new PlotSeries("E", x, y)).ToFigure();
        var (traces, layout) = Plot(figure);
        var trace = Assert.Single(traces)!;
        Assert.Equal(x, trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(y, trace["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("log", (string?)layout["xaxis"]!["type"]);
        Assert.Equal("log", (string?)layout["yaxis"]!["type"]);
        Assert.Equal("white", (string?)layout["template"]!["layout"]!["plot_bgcolor"]);
        var html = ChartHtml.Of(figure);
        Assert.DoesNotContain("<script src", html);
        Assert.Contains("typeof window.Plotly === \"undefined\"", html);
    }

    [Fact]
    public void Text_cannot_end_the_script_element()
    {
        var figure = new LinePlot("a </script> b", "x", "y", [PlotSeries.Of("<s>", [1.0, 2.0])]).ToFigure();
        Assert.Single(Regex.Matches(ChartHtml.Of(figure), "</script>"));
        Assert.Equal("a </script> b", (string?)Plot(figure).Layout["title"]!["text"]);
    }

    [Fact]
    public void A_signed_heatmap_uses_the_diverging_map_on_a_range_symmetric_about_zero_with_square_cells()
    {
        var (traces, layout) = Plot(Heatmaps.Error(torch.tensor(new float[] { -0.5f, 0.25f, 2f, 1f }).reshape(2, 2), "error"));
        var trace = Assert.Single(traces)!;
        Assert.Equal((-2.0, 2.0), ((double)trace["zmin"]!, (double)trace["zmax"]!));
        Assert.Equal("rgb(247,247,247)", (string?)trace["colorscale"]![2]![1]);
        Assert.Equal(new[] { -0.5, 0.25 }, trace["z"]![0]!.AsArray().Select(v => (double)v!));
        var yAxis = layout["yaxis"]!;
        Assert.Equal(("x", "reversed"), ((string?)yAxis["scaleanchor"], (string?)yAxis["autorange"]));
    }

    [Fact]
    public void The_first_cell_output_carries_plotly_js_once_shielded_from_require_js()
    {
        var html = new NotebookSession("loaded").ToHtml();
        Assert.StartsWith("<pre>loaded</pre>", html);
        Assert.Single(Regex.Matches(html, "plotly.js v" + Regex.Escape(PlotlyScript.Version)));
        Assert.Contains("(function (define, exports, module) {", html);
        Assert.DoesNotContain("<script src", html);
    }

    [Fact]
    public void The_library_script_is_not_ended_early_by_plotly_js_text()
    {
        Assert.Single(Regex.Matches(PlotlyLibrary.Html, "</script", RegexOptions.IgnoreCase));
        Assert.EndsWith("</script>", PlotlyLibrary.Html);
    }

    [Fact]
    public void Tensors_display_as_plotly_charts_of_their_values()
    {
        WorkbenchFormatters.Register();
        using var field = torch.tensor(new float[] { 1, 2, 3, 4, 5, 6 }).reshape(2, 3);
        var (heatmap, _) = NewPlotArguments(field.ToDisplayString(HtmlMime));
        var z = Assert.Single(heatmap)!["z"]!.AsArray();
        Assert.Equal(new[] { new[] { 1.0, 2, 3 }, new[] { 4.0, 5, 6 } }, z.Select(row => row!.AsArray().Select(v => (double)v!).ToArray()));
        Assert.Equal((1.0, 6.0, "Viridis"), ((double)heatmap[0]!["zmin"]!, (double)heatmap[0]!["zmax"]!, (string?)heatmap[0]!["colorscale"]));

        using var signal = torch.tensor(new[] { 0.5, -1.5, 2.0 });
        var (lines, layout) = NewPlotArguments(signal.ToDisplayString(HtmlMime));
        var line = Assert.Single(lines)!;
        Assert.Equal(("scatter", "lines+markers"), ((string?)line["type"], (string?)line["mode"]));
        Assert.Equal(new[] { 0.0, 1, 2 }, line["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(new[] { 0.5, -1.5, 2.0 }, line["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal("tensor [3]", (string?)layout["title"]!["text"]);
    }

    [Fact]
    public void A_plotly_net_chart_made_in_a_notebook_shows_its_traces_in_the_workbench_theme()
    {
        WorkbenchFormatters.Register();
        var chart = Plotly.NET.CSharp.Chart.Point<double, double, string>(new double[] { 3, 1 }, new double[] { 7, 8 }, Name: "points", UseDefaults: false);
        var (traces, layout) = NewPlotArguments(chart.ToDisplayString(HtmlMime));
        var trace = Assert.Single(traces)!;
        Assert.Equal(("points", "markers"), ((string?)trace["name"], (string?)trace["mode"]));
        Assert.Equal(new[] { 3.0, 1 }, trace["x"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(new[] { 7.0, 8 }, trace["y"]!.AsArray().Select(v => (double)v!));
        Assert.Equal(FigureTheme.FontSize, (int)layout["template"]!["layout"]!["font"]!["size"]!);
        Assert.Equal((Figure.DefaultWidth, Figure.DefaultHeight), ((int)(double)layout["width"]!, (int)(double)layout["height"]!));
    }

    [Fact]
    public void The_chart_builders_leave_plotly_net_defaults_alone()
    {
        // Plotly.NET's defaults hold HTML values that fail to load in the .NET Interactive kernel (notebooks/README.md);
        // a chart built with them carries their config ({"responsive":true}).
        var line = LinePlot.LogLog("t", "x", "y", PlotSeries.Of("s", [1.0, 2.0])).ToFigure();
        using var truth = torch.ones(2, 2);
        using var prediction = torch.zeros(2, 2);
        var panels = Heatmaps.Compare("t", truth, prediction);
        foreach (var figure in new[] { line, panels })
            Assert.Equal("{}", JsonConvert.SerializeObject(GenericChart.getConfig(figure.Styled)));
    }

    [Fact]
    public void Spectrum_of_a_cosine_has_its_analytic_power()
    {
        // 0.5 + 2 cos(2 pi 3 i / n): rfft gives n/2 at k = 0 and n at k = 3, so power 0.25 and 1.
        const int n = 32;
        var signal = torch.tensor(Enumerable.Range(0, n).Select(i => 0.5 + 2 * Math.Cos(2 * Math.PI * 3 * i / n)).ToArray());
        var spectrum = Spectrum.Of(torch.stack([signal, signal]), "cos");
        Assert.Equal(n / 2 + 1, spectrum.Power.Count);
        for (var k = 0; k < spectrum.Power.Count; k++)
            Assert.Equal(k == 0 ? 0.25 : k == 3 ? 1.0 : 0.0, spectrum.Power[k], 12);
    }

    [Fact]
    public void Json_summary_becomes_dotted_key_value_rows()
    {
        var summary = JsonNode.Parse("""{"name":"run<1>","final":{"val_mse":0.25,"train_loss":1e-3},"epochs":3}""")!.AsObject();
        var table = Table.FromJson(summary);
        Assert.Equal(["key", "value"], table.Columns);
        Assert.Equal(new[] { "name=run<1>", "final.val_mse=0.25", "final.train_loss=0.001", "epochs=3" },
            table.Rows.Select(r => $"{r[0]}={r[1]}"));
        Assert.Contains("<td style=\"border:1px solid #ccc;padding:2px 8px;text-align:right\">run&lt;1&gt;</td>", table.ToHtml());
    }

    private sealed record Row(string Name, double Value, int[] Ignored, bool Flag);

    [Fact]
    public void Rows_of_records_keep_only_scalar_columns()
    {
        var table = Table.Of([new Row("a", 0.5, [1], true), new Row("b", 1.0 / 3, [], false)]);
        Assert.Equal(["Name", "Value", "Flag"], table.Columns);
        Assert.Equal(["b", "0.333333", "False"], table.Rows[1]);
    }
}
