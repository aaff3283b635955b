using System.Net;
using Newtonsoft.Json;
using Plotly.NET;
using Workbench.Figures.Charts;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Interactive.Display;

/// <summary>
/// Charts as notebook HTML: a div and a script that draws it with the plotly.js that <see cref="PlotlyLibrary"/>
/// put on the page once (the first cell's output). The script waits for that library, so outputs also draw when a
/// saved notebook is reopened and rendered out of order. Traces and layout are serialised here with Newtonsoft.Json,
/// not through Plotly.NET's HTML writer, which the .NET Interactive kernel cannot load (notebooks/README.md).
/// </summary>
public static class ChartHtml
{
    // EscapeHtml keeps a "</script>" inside a title or name from ending the script element.
    private static readonly JsonSerializerSettings Json = new() { ReferenceLoopHandling = ReferenceLoopHandling.Serialize, StringEscapeHandling = StringEscapeHandling.EscapeHtml };

    /// <summary>The traces and the layout handed to Plotly.newPlot, as JSON.</summary>
    public static (string Data, string Layout) PlotArguments(GenericChart chart) =>
        (JsonConvert.SerializeObject(GenericChart.getTraces(chart), Json), JsonConvert.SerializeObject(GenericChart.getLayout(chart), Json));

    public static (string Data, string Layout) PlotArguments(Figure figure) => PlotArguments(figure.Styled);

    public static string Of(Figure figure) => Of(figure.Styled, figure.Name, figure.Width, figure.Height);

    /// <summary>A chart made in a notebook, in the workbench theme at the default figure size.</summary>
    public static string Of(GenericChart chart)
    {
        var sized = Plotly.NET.Chart.withSize((double)Figure.DefaultWidth, (double)Figure.DefaultHeight).Invoke(FigureTheme.Apply(chart));
        return Of(sized, "chart", Figure.DefaultWidth, Figure.DefaultHeight);
    }

    private static string Of(GenericChart styled, string name, int width, int height)
    {
        var id = "workbench-" + Guid.NewGuid().ToString("N");
        var (data, layout) = PlotArguments(styled);
        return $"<div class=\"workbench-chart\" id=\"{id}\" title=\"{WebUtility.HtmlEncode(name)}\" style=\"width:{width}px;height:{height}px\"></div>\n" +
               "<script type=\"text/javascript\">\n" +
               "(function draw() {\n" +
               "  if (typeof window.Plotly === \"undefined\") { setTimeout(draw, 50); return; }\n" +
               $"  window.Plotly.newPlot(\"{id}\", {data}, {layout}, {{\"displaylogo\": false}});\n" +
               "})();\n</script>";
    }
}
