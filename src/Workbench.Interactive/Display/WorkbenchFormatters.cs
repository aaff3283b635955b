using System.Net;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using TorchSharp;
using Workbench.Data.Images;
using Workbench.Interactive.Plots;
using Workbench.Interactive.Tables;
using Workbench.Sparse.Spright.Trials;

namespace Workbench.Interactive.Display;

/// <summary>
/// HTML formatters for the .NET Interactive kernel: 2-D tensors and arrays as heatmap images, 1-D tensors and
/// spectra as line plots, run summaries and tables as HTML tables. All output is inline (no script, no CDN).
/// </summary>
public static class WorkbenchFormatters
{
    private const string HtmlMime = "text/html";

    public static void Register()
    {
        Formatter.Register<torch.Tensor>((tensor, writer) => writer.Write(TensorHtml(tensor)), HtmlMime);
        Formatter.Register<float[,]>((field, writer) => writer.Write(Html.Heatmap(Fields.ToDouble(field))), HtmlMime);
        Formatter.Register<double[,]>((field, writer) => writer.Write(Html.Heatmap(field)), HtmlMime);
        Formatter.Register<LinePlot>((plot, writer) => writer.Write(Html.Plot(plot)), HtmlMime);
        Formatter.Register<Spectrum>((spectrum, writer) => writer.Write(Html.Plot(spectrum.Plot())), HtmlMime);
        Formatter.Register<Table>((table, writer) => writer.Write(table.ToHtml()), HtmlMime);
        Formatter.Register<JsonObject>((json, writer) => writer.Write(Table.FromJson(json).ToHtml()), HtmlMime);
        Formatter.Register<SprightTrialReport>((report, writer) => writer.Write(Table.Fields(report).ToHtml()), HtmlMime);
        Formatter.Register<RasterImage>((image, writer) => writer.Write(Html.Image(image)), HtmlMime);
        foreach (var type in new[] { typeof(torch.Tensor), typeof(float[,]), typeof(double[,]), typeof(LinePlot), typeof(Spectrum),
                     typeof(Table), typeof(JsonObject), typeof(SprightTrialReport), typeof(RasterImage) })
            Formatter.SetPreferredMimeTypesFor(type, HtmlMime);
    }

    /// <summary>2-D: heatmap; 1-D: line plot against index; otherwise shape and dtype.</summary>
    public static string TensorHtml(torch.Tensor tensor) => tensor.dim() switch
    {
        2 => Html.Heatmap(Fields.ToArray(tensor)),
        1 => Html.Plot(new LinePlot($"tensor [{tensor.shape[0]}]", "index", "value", [PlotSeries.Of("value", Fields.ToVector(tensor))])),
        _ => $"<pre>{WebUtility.HtmlEncode($"tensor [{string.Join(", ", tensor.shape)}] {tensor.dtype} on {tensor.device}")}</pre>",
    };
}
