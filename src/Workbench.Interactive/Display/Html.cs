using System.Globalization;
using Workbench.Data.Images;
using Workbench.Interactive.Imaging;
using Workbench.Interactive.Plots;

namespace Workbench.Interactive.Display;

/// <summary>The HTML fragments the formatters emit: everything inline (PNG as base64, SVG as markup).</summary>
public static class Html
{
    public static string Heatmap(double[,] field)
    {
        var image = HeatmapImage.Render(field);
        var low = image.Min.ToString("G4", CultureInfo.InvariantCulture);
        var high = image.Max.ToString("G4", CultureInfo.InvariantCulture);
        var gradient = string.Join(",", Enumerable.Range(0, 9).Select(i => Colormap.Hex(i / 8.0)));
        return "<div class=\"workbench-heatmap\">" +
               $"<img src=\"data:image/png;base64,{Convert.ToBase64String(image.Png)}\" width=\"{image.Width}\" height=\"{image.Height}\" style=\"image-rendering:pixelated\"/>" +
               $"<div style=\"font:11px sans-serif\">{field.GetLength(0)} x {field.GetLength(1)}, " +
               $"{low} <span style=\"display:inline-block;width:120px;height:10px;background:linear-gradient(to right,{gradient})\"></span> {high}</div></div>";
    }

    /// <summary>An 8-bit image at its own size, as an inline PNG.</summary>
    public static string Image(RasterImage image) =>
        $"<img src=\"data:image/png;base64,{Convert.ToBase64String(PngEncoder.Encode(image))}\" width=\"{image.Width}\" height=\"{image.Height}\"/>";

    public static string Plot(LinePlot plot) => $"<div class=\"workbench-plot\">{plot.ToSvg()}</div>";
}
