using SkiaSharp;
using Workbench.Core.IO;

namespace Workbench.Data.Images;

/// <summary>
/// Writes 8-bit grey, RGB or RGBA PNG images with SkiaSharp (libpng). The compressed bytes are Skia's business; what
/// is pinned is that decoding them returns the very pixels written.
/// </summary>
public static class PngEncoder
{
    /// <param name="rgb">Row-major pixels, three bytes (red, green, blue) each.</param>
    public static byte[] EncodeRgb(int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (width < 1 || height < 1) throw new ArgumentException($"PNG size must be positive, got {width} x {height}");
        if (rgb.Length != checked(width * height * 3))
            throw new ArgumentException($"expected {width * height * 3} RGB bytes for {width} x {height}, got {rgb.Length}");
        return Encode(new RasterImage(width, height, 3, rgb.ToArray()));
    }

    public static byte[] Encode(RasterImage image)
    {
        // Skia has no 24-bit colour type: RGB goes in as RGBX, which its PNG encoder writes as colour type 2 (RGB).
        var (colorType, alphaType, pixels) = image.Channels switch
        {
            1 => (SKColorType.Gray8, SKAlphaType.Opaque, image.Pixels),
            3 => (SKColorType.Rgb888x, SKAlphaType.Opaque, WithPaddingByte(image.Pixels)),
            _ => (SKColorType.Rgba8888, SKAlphaType.Unpremul, image.Pixels),
        };
        using var raster = SKImage.FromPixelCopy(new SKImageInfo(image.Width, image.Height, colorType, alphaType), pixels)
            ?? throw new InvalidOperationException($"Skia refused a {image.Width} x {image.Height} x {image.Channels} image");
        using var png = raster.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException($"Skia could not encode a {image.Width} x {image.Height} x {image.Channels} PNG");
        return png.ToArray();
    }

    /// <summary>Writes the image to <paramref name="path"/> through a temporary sibling, so a failure leaves no partial file.</summary>
    public static void Write(string path, RasterImage image) => AtomicFile.WriteAllBytes(path, Encode(image));

    private static byte[] WithPaddingByte(byte[] rgb)
    {
        var rgbx = new byte[rgb.Length / 3 * 4];
        for (int p = 0, q = 0; p < rgb.Length; p += 3, q += 4)
        {
            rgbx[q] = rgb[p];
            rgbx[q + 1] = rgb[p + 1];
            rgbx[q + 2] = rgb[p + 2];
            rgbx[q + 3] = 255;
        }
        return rgbx;
    }
}
