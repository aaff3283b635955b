using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Workbench.Data.Images;

/// <summary>
/// Reads non-interlaced PNG images of bit depth 8 or 16 (16-bit samples keep their high byte) in every colour type:
/// grey, grey + alpha (alpha dropped), RGB, RGBA and palette of 1, 2, 4 or 8 bits (expanded to RGB, or RGBA when the
/// palette has transparency). Chunk CRCs are checked; anything else gives a <see cref="InvalidDataException"/> naming the problem.
/// </summary>
public static class PngDecoder
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static RasterImage Decode(ReadOnlySpan<byte> file)
    {
        if (file.Length < Signature.Length || !file[..Signature.Length].SequenceEqual(Signature))
            throw new InvalidDataException("not a PNG file (bad signature)");

        var header = default(Header);
        byte[]? palette = null;
        byte[]? paletteAlpha = null;
        using var idat = new MemoryStream();
        var position = Signature.Length;
        while (true)
        {
            if (position + 12 > file.Length) throw new InvalidDataException("truncated PNG (missing IEND)");
            var length = BinaryPrimitives.ReadInt32BigEndian(file[position..]);
            if (length < 0 || position + 12L + length > file.Length) throw new InvalidDataException("truncated PNG chunk");
            var typeAndData = file.Slice(position + 4, 4 + length);
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            var data = typeAndData[4..];
            var crc = BinaryPrimitives.ReadUInt32BigEndian(file[(position + 8 + length)..]);
            if (Crc32.Compute(typeAndData) != crc) throw new InvalidDataException($"PNG chunk {type} has a bad CRC");
            position += 12 + length;

            switch (type)
            {
                case "IHDR": header = Header.Parse(data); break;
                case "PLTE": palette = data.ToArray(); break;
                case "tRNS": paletteAlpha = data.ToArray(); break;
                case "IDAT": idat.Write(data); break;
                case "IEND": return Assemble(header, Inflate(idat), palette, paletteAlpha);
            }
        }
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

    private readonly record struct Header(int Width, int Height, int BitDepth, int ColourType)
    {
        public int SamplesPerPixel => ColourType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, 6 => 4, _ => 0 };
        /// <summary>The filters' byte distance to the left neighbour (one byte for packed palette indices).</summary>
        public int BytesPerPixel => Math.Max(1, SamplesPerPixel * BitDepth / 8);
        public int Stride => (Width * SamplesPerPixel * BitDepth + 7) / 8;

        public static Header Parse(ReadOnlySpan<byte> data)
        {
            if (data.Length != 13) throw new InvalidDataException("PNG IHDR must be 13 bytes");
            var header = new Header(BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]), data[8], data[9]);
            if (header.Width < 1 || header.Height < 1 || (long)header.Width * header.Height > 1L << 28)
                throw new InvalidDataException($"unsupported PNG size {header.Width} x {header.Height}");
            if (header.SamplesPerPixel == 0) throw new InvalidDataException($"unknown PNG colour type {header.ColourType}");
            var depthOk = header.ColourType == 3 ? header.BitDepth is 1 or 2 or 4 or 8 : header.BitDepth is 8 or 16;
            if (!depthOk) throw new InvalidDataException($"unsupported PNG bit depth {header.BitDepth} for colour type {header.ColourType}");
            if (data[10] != 0 || data[11] != 0) throw new InvalidDataException("unknown PNG compression or filter method");
            if (data[12] != 0) throw new InvalidDataException("interlaced PNG images are not supported");
            return header;
        }
    }

    private static byte[] Inflate(MemoryStream idat)
    {
        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        return raw.ToArray();
    }

    private static RasterImage Assemble(Header header, byte[] raw, byte[]? palette, byte[]? paletteAlpha)
    {
        if (header.Width == 0) throw new InvalidDataException("PNG without IHDR");
        var stride = header.Stride;
        if (raw.Length < (long)(stride + 1) * header.Height) throw new InvalidDataException("PNG image data is shorter than its size");
        var samples = Unfilter(raw, header.Height, stride, header.BytesPerPixel);
        if (header.ColourType == 3) return ExpandPalette(header, Unpack(samples, header), palette, paletteAlpha);
        var eight = header.BitDepth == 16 ? EveryOther(samples) : samples;
        return header.ColourType switch
        {
            0 => new RasterImage(header.Width, header.Height, 1, eight),
            2 => new RasterImage(header.Width, header.Height, 3, eight),
            6 => new RasterImage(header.Width, header.Height, 4, eight),
            _ => new RasterImage(header.Width, header.Height, 1, EveryOther(eight)),
        };
    }

    /// <summary>Undoes the per-row filters (None, Sub, Up, Average, Paeth).</summary>
    private static byte[] Unfilter(byte[] raw, int height, int stride, int bytesPerPixel)
    {
        var output = new byte[height * stride];
        for (var row = 0; row < height; row++)
        {
            var filter = raw[row * (stride + 1)];
            var source = raw.AsSpan(row * (stride + 1) + 1, stride);
            var current = output.AsSpan(row * stride, stride);
            var previous = row > 0 ? output.AsSpan((row - 1) * stride, stride) : new byte[stride];
            for (var i = 0; i < stride; i++)
            {
                int left = i >= bytesPerPixel ? current[i - bytesPerPixel] : 0;
                int up = previous[i];
                int upLeft = i >= bytesPerPixel ? previous[i - bytesPerPixel] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown PNG row filter {filter} in row {row}"),
                };
                current[i] = (byte)(source[i] + predictor);
            }
        }
        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Keeps the high byte of 16-bit samples, or the grey of grey + alpha pairs.</summary>
    private static byte[] EveryOther(byte[] values)
    {
        var result = new byte[values.Length / 2];
        for (var i = 0; i < result.Length; i++) result[i] = values[2 * i];
        return result;
    }

    /// <summary>Palette indices packed most significant bits first, rows padded to whole bytes.</summary>
    private static byte[] Unpack(byte[] rows, Header header)
    {
        if (header.BitDepth == 8) return rows;
        var indices = new byte[header.Width * header.Height];
        var perByte = 8 / header.BitDepth;
        var mask = (1 << header.BitDepth) - 1;
        for (var y = 0; y < header.Height; y++)
            for (var x = 0; x < header.Width; x++)
            {
                var packed = rows[y * header.Stride + x / perByte];
                var shift = 8 - header.BitDepth * (x % perByte + 1);
                indices[y * header.Width + x] = (byte)((packed >> shift) & mask);
            }
        return indices;
    }

    private static RasterImage ExpandPalette(Header header, byte[] indices, byte[]? palette, byte[]? paletteAlpha)
    {
        if (palette is null || palette.Length % 3 != 0) throw new InvalidDataException("palette PNG without a valid PLTE chunk");
        var channels = paletteAlpha is null ? 3 : 4;
        var pixels = new byte[indices.Length * channels];
        for (var p = 0; p < indices.Length; p++)
        {
            var index = indices[p];
            if (3 * index + 2 >= palette.Length) throw new InvalidDataException($"palette index {index} outside the {palette.Length / 3}-entry PLTE");
            for (var c = 0; c < 3; c++) pixels[channels * p + c] = palette[3 * index + c];
            if (channels == 4) pixels[channels * p + 3] = index < paletteAlpha!.Length ? paletteAlpha[index] : (byte)255;
        }
        return new RasterImage(header.Width, header.Height, channels, pixels);
    }
}
