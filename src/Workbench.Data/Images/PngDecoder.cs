using SkiaSharp;

namespace Workbench.Data.Images;

/// <summary>
/// Reads PNG images with SkiaSharp (libpng) into 8-bit pixels exactly as stored: no colour management (gAMA, cHRM, sRGB
/// and iCCP chunks are ignored) and no premultiplied alpha. The channels follow the colour type Skia reports: grey is
/// 1 channel; opaque colour (RGB, palette without tRNS) 3; anything with alpha (RGBA, grey + alpha, palette with tRNS)
/// 4, grey + alpha with the grey in R, G and B. 16-bit samples v keep their high byte, v >> 8 (libpng's strip: Skia
/// 2.88 decodes 16-bit grey only that way and no 16-bit PNG to 16-bit integers), which is round(v * 255 / 65535) or
/// one less; palettes of 1 to 8 bits expand to their colours. Other files give an <see cref="InvalidDataException"/> naming the problem.
/// </summary>
public static class PngDecoder
{
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private const long MaxPixels = 1L << 28;

    public static RasterImage Decode(ReadOnlySpan<byte> file)
    {
        if (!file.StartsWith(Signature)) throw new InvalidDataException("not a PNG file (bad signature)");
        using var stream = new SKMemoryStream(file.ToArray());
        using var codec = SKCodec.Create(stream, out var opened) ?? throw new InvalidDataException($"corrupt or truncated PNG ({opened})");
        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels) throw new InvalidDataException($"unsupported PNG size {info.Width} x {info.Height}");

        var channels = info.ColorType == SKColorType.Gray8 ? 1 : info.AlphaType == SKAlphaType.Opaque ? 3 : 4;
        var target = new SKImageInfo(info.Width, info.Height,
            channels == 1 ? SKColorType.Gray8 : SKColorType.Rgba8888,
            channels == 4 ? SKAlphaType.Unpremul : SKAlphaType.Opaque);
        var decoded = codec.GetPixels(target, out byte[] pixels);
        if (decoded != SKCodecResult.Success) throw new InvalidDataException($"corrupt or truncated PNG ({decoded})");

        var image = new RasterImage(info.Width, info.Height, channels == 1 ? 1 : 4, pixels);
        return channels == 3 ? image.WithoutAlpha() : image;
    }

    public static RasterImage Read(string path)
    {
        try
        {
            return Decode(File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
