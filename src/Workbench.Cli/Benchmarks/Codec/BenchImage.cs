using Workbench.Core.Errors;
using Workbench.Data.Images;

namespace Workbench.Cli.Benchmarks.Codec;

/// <summary>
/// The image the codec suite codes: the file read as the codec reads it (grey replicated to RGB, alpha composited over
/// white), then its centre side x side square, whose left and top edges are floor((W - side) / 2) and
/// floor((H - side) / 2); an image narrower or lower than side is refused.
/// </summary>
public static class BenchImage
{
    public static RasterImage Load(string path, int side)
    {
        if (!File.Exists(path)) throw new DataFileException($"bench codec: {path}: no such image");
        RasterImage image;
        try
        {
            image = ImageDecoder.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new DataFileException($"bench codec: {e.Message}", e);
        }
        return CentreSquare(image.ToRgb(), side, path);
    }

    public static RasterImage CentreSquare(RasterImage image, int side, string name)
    {
        if (image.Width < side || image.Height < side)
            throw new DataFileException($"bench codec: {name} is {image.Width} x {image.Height}, smaller than the {side} x {side} square the suite codes (--size)");
        var (left, top, channels) = ((image.Width - side) / 2, (image.Height - side) / 2, image.Channels);
        var pixels = new byte[side * side * channels];
        for (var row = 0; row < side; row++)
            Array.Copy(image.Pixels, ((top + row) * image.Width + left) * channels, pixels, row * side * channels, side * channels);
        return new RasterImage(side, side, channels, pixels);
    }
}
