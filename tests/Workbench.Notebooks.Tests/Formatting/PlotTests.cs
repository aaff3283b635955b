using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using TorchSharp;
using Workbench.Interactive.Plots;
using Workbench.Interactive.Tables;

namespace Workbench.Notebooks.Tests.Formatting;

public class PlotTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static List<(double X, double Y)[]> Polylines(string svg) =>
        XDocument.Parse(svg).Descendants(Svg + "polyline")
            .Select(p => p.Attribute("points")!.Value.Split(' ')
                .Select(pair => pair.Split(','))
                .Select(xy => (double.Parse(xy[0], CultureInfo.InvariantCulture), double.Parse(xy[1], CultureInfo.InvariantCulture)))
                .ToArray())
            .ToList();

    [Fact]
    public void Power_law_is_a_straight_line_with_equal_steps_on_log_log_axes()
    {
        double[] x = [1, 10, 100, 1000];
        double[] y = [1, 1e-2, 1e-4, 1e-6];
        var line = Assert.Single(Polylines(LinePlot.LogLog("k^-2", "k", "E", new PlotSeries("E", x, y)).ToSvg()));
        Assert.Equal(4, line.Length);
        for (var i = 1; i < 3; i++)
        {
            Assert.Equal(line[1].X - line[0].X, line[i + 1].X - line[i].X, 0.11);
            Assert.Equal(line[1].Y - line[0].Y, line[i + 1].Y - line[i].Y, 0.11);
        }
        Assert.True(line[1].Y > line[0].Y, "a decreasing series goes down the picture");
    }

    [Fact]
    public void Non_positive_values_break_a_log_line_into_pieces()
    {
        var plot = new LinePlot("t", "x", "y", [new PlotSeries("s", [1, 2, 3, 4, 5], [1, 2, 0, 4, 5])], LogY: true);
        var lines = Polylines(plot.ToSvg());
        Assert.Equal([2, 2], lines.Select(l => l.Length));
    }

    [Fact]
    public void Labels_are_escaped()
    {
        var svg = new LinePlot("a < b & c", "x", "y", [PlotSeries.Of("<s>", [1.0, 2.0])]).ToSvg();
        Assert.Contains("a &lt; b &amp; c", svg);
        XDocument.Parse(svg);
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
