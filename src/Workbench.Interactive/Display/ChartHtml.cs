using System.Net;
using Newtonsoft.Json;
using Plotly.NET;
using Workbench.Figures.Output;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Interactive.Display;

/// <summary>
/// Figures as notebook HTML: a div and a script that draws it with the plotly.js that <see cref="PlotlyLibrary"/>
/// put on the page once (the first cell's output). The script waits for that library, so outputs also draw when a
/// saved notebook is reopened and rendered out of order.
/// </summary>
public static class ChartHtml
{
    // EscapeHtml keeps a "</script>" inside a title or name from ending the script element.
    private static readonly JsonSerializerSettings Json = new() { ReferenceLoopHandling = ReferenceLoopHandling.Serialize, StringEscapeHandling = StringEscapeHandling.EscapeHtml };

    /// <summary>The traces and the layout handed to Plotly.newPlot, as JSON.</summary>
    public static (string Data, string Layout) PlotArguments(Figure figure)
    {
        var chart = figure.Styled;
        return (JsonConvert.SerializeObject(GenericChart.getTraces(chart), Json), JsonConvert.SerializeObject(GenericChart.getLayout(chart), Json));
    }

    public static string Of(Figure figure)
    {
        var id = "workbench-" + Guid.NewGuid().ToString("N");
        var (data, layout) = PlotArguments(figure);
        return $"<div class=\"workbench-chart\" id=\"{id}\" title=\"{WebUtility.HtmlEncode(figure.Name)}\" style=\"width:{figure.Width}px;height:{figure.Height}px\"></div>\n" +
               "<script type=\"text/javascript\">\n" +
               "(function draw() {\n" +
               "  if (typeof window.Plotly === \"undefined\") { setTimeout(draw, 50); return; }\n" +
               $"  window.Plotly.newPlot(\"{id}\", {data}, {layout}, {{\"displaylogo\": false}});\n" +
               "})();\n</script>";
    }
}
