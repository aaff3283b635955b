using SkiaSharp;

namespace Workbench.Data.Images;

/// <summary>
/// Reads JPEG images with SkiaSharp (its libjpeg-turbo: accurate integer IDCT, fancy upsampling) into 8-bit pixels:
/// grey JPEGs as 1 channel, colour (YCbCr, CMYK) as RGB. Embedded colour profiles and the EXIF orientation are ignored.
/// Other files give an <see cref="InvalidDataException"/> naming the problem.
/// </summary>
public static class JpegDecoder
{
    public static ReadOnlySpan<byte> Signature => [0xFF, 0xD8, 0xFF];
    private const long MaxPixels = 1L << 28;

    public static RasterImage Decode(ReadOnlySpan<byte> file)
    {
        if (!file.StartsWith(Signature)) throw new InvalidDataException("not a JPEG file (bad signature)");
        using var stream = new SKMemoryStream(file.ToArray());
        using var codec = SKCodec.Create(stream, out var opened) ?? throw new InvalidDataException($"corrupt or truncated JPEG ({opened})");
        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels) throw new InvalidDataException($"unsupported JPEG size {info.Width} x {info.Height}");

        var grey = info.ColorType == SKColorType.Gray8;
        var target = new SKImageInfo(info.Width, info.Height, grey ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Opaque);
        var decoded = codec.GetPixels(target, out byte[] pixels);
        if (decoded != SKCodecResult.Success) throw new InvalidDataException($"corrupt or truncated JPEG ({decoded})");
        var image = new RasterImage(info.Width, info.Height, grey ? 1 : 4, pixels);
        return image.WithoutAlpha();
    }
}
