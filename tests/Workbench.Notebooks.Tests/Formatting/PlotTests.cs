using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TorchSharp;
using Workbench.Figures.Output;
using Workbench.Interactive;
using Workbench.Interactive.Display;
using Workbench.Interactive.Plots;
using Workbench.Interactive.Tables;

namespace Workbench.Notebooks.Tests.Formatting;

public class PlotTests
{
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
