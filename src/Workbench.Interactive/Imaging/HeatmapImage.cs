using Workbench.Data.Images;

namespace Workbench.Interactive.Imaging;

/// <summary>
/// A 2-D field [rows, columns] rendered as a PNG: row 0 at the top, value range mapped linearly onto viridis, each
/// cell drawn as a square block of pixels so that small fields stay visible.
/// </summary>
public sealed record HeatmapImage(byte[] Png, int Width, int Height, double Min, double Max)
{
    public static HeatmapImage Render(double[,] field, int targetPixels = 320)
    {
        var rows = field.GetLength(0);
        var columns = field.GetLength(1);
        if (rows == 0 || columns == 0) throw new ArgumentException("cannot draw an empty field");
        var (min, max) = Range(field);
        var scale = Math.Max(1, targetPixels / Math.Max(rows, columns));
        var width = columns * scale;
        var height = rows * scale;
        var rgb = new byte[width * height * 3];
        var span = max > min ? max - min : 1;
        for (var r = 0; r < rows; r++)
            for (var c = 0; c < columns; c++)
            {
                var (red, green, blue) = Colormap.Viridis((field[r, c] - min) / span);
                for (var dy = 0; dy < scale; dy++)
                {
                    var offset = ((r * scale + dy) * width + c * scale) * 3;
                    for (var dx = 0; dx < scale; dx++, offset += 3)
                    {
                        rgb[offset] = red;
                        rgb[offset + 1] = green;
                        rgb[offset + 2] = blue;
                    }
                }
            }
        return new HeatmapImage(PngEncoder.EncodeRgb(width, height, rgb), width, height, min, max);
    }

    private static (double Min, double Max) Range(double[,] field)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in field)
        {
            if (!double.IsFinite(v)) continue;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        return double.IsFinite(min) ? (min, max) : (0, 0);
    }
}
