namespace Workbench.Data.Images;

/// <summary>An 8-bit image: row-major pixels, <see cref="Channels"/> interleaved bytes each (1 grey, 3 RGB, 4 RGBA).</summary>
public sealed record RasterImage
{
    public RasterImage(int width, int height, int channels, byte[] pixels)
    {
        if (width < 1 || height < 1) throw new ArgumentException($"image size must be positive, got {width} x {height}");
        if (channels is not (1 or 3 or 4)) throw new ArgumentException($"channels must be 1, 3 or 4, got {channels}");
        if (pixels.Length != (long)width * height * channels)
            throw new ArgumentException($"expected {(long)width * height * channels} bytes for {width} x {height} x {channels}, got {pixels.Length}");
        (Width, Height, Channels, Pixels) = (width, height, channels, pixels);
    }

    public int Width { get; }
    public int Height { get; }
    public int Channels { get; }
    public byte[] Pixels { get; }

    /// <summary>
    /// The image as RGB: grey replicated to R, G and B; alpha composited over white, each colour byte c of alpha a
    /// becoming round((c a + 255 (255 - a)) / 255), so opaque pixels keep their colour and transparent ones turn white.
    /// </summary>
    public RasterImage ToRgb()
    {
        if (Channels == 3) return this;
        var rgb = new byte[Width * Height * 3];
        for (var p = 0; p < Width * Height; p++)
        for (var c = 0; c < 3; c++)
            rgb[3 * p + c] = Channels == 1 ? Pixels[p] : OverWhite(Pixels[4 * p + c], Pixels[4 * p + 3]);
        return new RasterImage(Width, Height, 3, rgb);
    }

    /// <summary>The numerator is never an odd multiple of 255 / 2, so integer rounding has no ties to break.</summary>
    private static byte OverWhite(int colour, int alpha) => (byte)((colour * alpha + 255 * (255 - alpha) + 127) / 255);

    /// <summary>The image with alpha dropped (RGBA to RGB); grey and RGB images are returned as they are.</summary>
    public RasterImage WithoutAlpha()
    {
        if (Channels != 4) return this;
        var rgb = new byte[Width * Height * 3];
        for (var p = 0; p < Width * Height; p++)
        {
            rgb[3 * p] = Pixels[4 * p];
            rgb[3 * p + 1] = Pixels[4 * p + 1];
            rgb[3 * p + 2] = Pixels[4 * p + 2];
        }
        return new RasterImage(Width, Height, 3, rgb);
    }
}
