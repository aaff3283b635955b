using System.Net;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using TorchSharp;
using Workbench.Data.Images;
using Workbench.Figures.Charts;
using Workbench.Figures.Output;
using Workbench.Interactive.Plots;
using Workbench.Interactive.Tables;
using Workbench.Sparse.Spright.Trials;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Interactive.Display;

/// <summary>
/// HTML formatters for the .NET Interactive kernel: figures, Plotly.NET charts, 2-D tensors and arrays (heatmaps), 1-D tensors and spectra
/// (line plots) as Plotly charts drawn with the plotly.js inlined by <see cref="WorkbenchNotebook.Start"/>; run summaries
/// and tables as HTML tables; images as inline PNG. Nothing is loaded from the network.
/// </summary>
public static class WorkbenchFormatters
{
    private const string HtmlMime = "text/html";

    public static void Register()
    {
        Formatter.Register<torch.Tensor>((tensor, writer) => writer.Write(TensorHtml(tensor)), HtmlMime);
        Formatter.Register<float[,]>((field, writer) => writer.Write(FieldHtml(field)), HtmlMime);
        Formatter.Register<double[,]>((field, writer) => writer.Write(FieldHtml(Fields.ToSingle(field))), HtmlMime);
        Formatter.Register<Figure>((figure, writer) => writer.Write(ChartHtml.Of(figure)), HtmlMime);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartHtml.Of(chart)), HtmlMime);
        Formatter.Register<LinePlot>((plot, writer) => writer.Write(ChartHtml.Of(plot.ToFigure())), HtmlMime);
        Formatter.Register<Spectrum>((spectrum, writer) => writer.Write(ChartHtml.Of(spectrum.Plot().ToFigure())), HtmlMime);
        Formatter.Register<NotebookSession>((session, writer) => writer.Write(session.ToHtml()), HtmlMime);
        Formatter.Register<Table>((table, writer) => writer.Write(table.ToHtml()), HtmlMime);
        Formatter.Register<JsonObject>((json, writer) => writer.Write(Table.FromJson(json).ToHtml()), HtmlMime);
        Formatter.Register<SprightTrialReport>((report, writer) => writer.Write(Table.Fields(report).ToHtml()), HtmlMime);
        Formatter.Register<RasterImage>((image, writer) => writer.Write(ImageHtml(image)), HtmlMime);
        foreach (var type in new[] { typeof(torch.Tensor), typeof(float[,]), typeof(double[,]), typeof(Figure), typeof(GenericChart), typeof(LinePlot), typeof(Spectrum),
                     typeof(NotebookSession), typeof(Table), typeof(JsonObject), typeof(SprightTrialReport), typeof(RasterImage) })
            Formatter.SetPreferredMimeTypesFor(type, HtmlMime);
    }

    /// <summary>2-D: heatmap; 1-D: line plot against index; otherwise shape and dtype.</summary>
    public static string TensorHtml(torch.Tensor tensor) => tensor.dim() switch
    {
        2 => FieldHtml(Fields.ToArray(tensor)),
        1 => ChartHtml.Of(new LinePlot($"tensor [{tensor.shape[0]}]", "index", "value", [PlotSeries.Of("value", Fields.ToVector(tensor))]).ToFigure()),
        _ => $"<pre>{WebUtility.HtmlEncode($"tensor [{string.Join(", ", tensor.shape)}] {tensor.dtype} on {tensor.device}")}</pre>",
    };

    private static string FieldHtml(float[,] field) =>
        ChartHtml.Of(FieldCharts.Heatmap("field", $"{field.GetLength(0)} x {field.GetLength(1)}", field));

    /// <summary>An 8-bit image at its own size, as an inline PNG.</summary>
    private static string ImageHtml(RasterImage image) =>
        $"<img src=\"data:image/png;base64,{Convert.ToBase64String(PngEncoder.Encode(image))}\" width=\"{image.Width}\" height=\"{image.Height}\"/>";
}
