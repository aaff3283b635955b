using System.Buffers.Binary;
using System.IO.Compression;
using Workbench.Core.IO;

namespace Workbench.Data.Images;

/// <summary>
/// Writes 8-bit grey, RGB or RGBA PNG images: signature, IHDR, one zlib-compressed IDAT (filter type 0 on every row)
/// and IEND, each chunk with its CRC-32.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="rgb">Row-major pixels, three bytes (red, green, blue) each.</param>
    public static byte[] EncodeRgb(int width, int height, ReadOnlySpan<byte> rgb)
    {
        if (width < 1 || height < 1) throw new ArgumentException($"PNG size must be positive, got {width} x {height}");
        if (rgb.Length != checked(width * height * 3))
            throw new ArgumentException($"expected {width * height * 3} RGB bytes for {width} x {height}, got {rgb.Length}");
        return Encode(width, height, 3, rgb);
    }

    public static byte[] Encode(RasterImage image) => Encode(image.Width, image.Height, image.Channels, image.Pixels);

    /// <summary>Writes the image to <paramref name="path"/> through a temporary sibling, so a failure leaves no partial file.</summary>
    public static void Write(string path, RasterImage image) => AtomicFile.WriteAllBytes(path, Encode(image));

    private static byte[] Encode(int width, int height, int channels, ReadOnlySpan<byte> pixels)
    {
        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bit depth
        header[9] = channels switch { 1 => 0, 3 => 2, _ => 6 }; // colour type: grey, truecolour, truecolour + alpha
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method 0
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR", header);
        WriteChunk(output, "IDAT", Compress(height, width * channels, pixels));
        WriteChunk(output, "IEND", []);
        return output.ToArray();
    }

    private static byte[] Compress(int height, int stride, ReadOnlySpan<byte> pixels)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var row = 0; row < height; row++)
            {
                zlib.WriteByte(0); // filter type None
                zlib.Write(pixels.Slice(row * stride, stride));
            }
        }
        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        Span<byte> typeBytes = stackalloc byte[4];
        for (var i = 0; i < 4; i++) typeBytes[i] = (byte)type[i];
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc32.Update(Crc32.Update(0xFFFFFFFFu, typeBytes), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        output.Write(word);
    }
}
