using System.Buffers.Binary;
using System.IO.Hashing;

namespace Workbench.Codec.Entropy.Container;

/// <summary>
/// Byte layout of a codec file (little-endian):
/// magic "WBIC" | version u8 | model id u8 | quality u8 | stream count u8 | width u16 | height u16 | pad multiple u16 |
/// [version 2: quality hundredths u8] | per stream: length u32, bytes | CRC-32 (the zlib/PNG polynomial) of everything
/// before it. Version 1 is a fixed-rate model's file, version 2 a variable-rate model's, whose quality has hundredths.
/// Reading checks the magic, version, every length against the bytes present, the checksum, and that nothing trails.
/// </summary>
public static class CodecFileFormat
{
    public const byte FixedRateVersion = 1;
    public const byte VariableRateVersion = 2;
    private static ReadOnlySpan<byte> Magic => "WBIC"u8;
    private const int FixedRateHeaderBytes = 4 + 4 + 6;
    public const int MaxDimension = ushort.MaxValue;

    public static byte[] Write(CodecFile file)
    {
        if (file.Width is < 1 or > MaxDimension || file.Height is < 1 or > MaxDimension)
            throw new ArgumentException($"image size {file.Width}x{file.Height} outside 1..{MaxDimension}");
        if (file.PadMultiple is < 1 or > MaxDimension) throw new ArgumentException($"pad multiple {file.PadMultiple} outside 1..{MaxDimension}");
        if (file.Streams.Count > byte.MaxValue) throw new ArgumentException($"{file.Streams.Count} streams exceed {byte.MaxValue}");
        if (file.QualityHundredths > 99) throw new ArgumentException($"quality hundredths {file.QualityHundredths} outside 0..99");

        var headerBytes = HeaderBytes(file.QualityHundredths is null ? FixedRateVersion : VariableRateVersion);
        var bytes = new byte[headerBytes + file.Streams.Sum(s => 4 + s.Length) + 4];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        span[4] = file.QualityHundredths is null ? FixedRateVersion : VariableRateVersion;
        span[5] = file.ModelId;
        span[6] = file.Quality;
        span[7] = (byte)file.Streams.Count;
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], (ushort)file.Width);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], (ushort)file.Height);
        BinaryPrimitives.WriteUInt16LittleEndian(span[12..], (ushort)file.PadMultiple);
        if (file.QualityHundredths is { } hundredths) span[FixedRateHeaderBytes] = hundredths;
        var position = headerBytes;
        foreach (var stream in file.Streams)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[position..], (uint)stream.Length);
            stream.CopyTo(span[(position + 4)..]);
            position += 4 + stream.Length;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(span[position..], Crc32.HashToUInt32(span[..position]));
        return bytes;
    }

    public static CodecFile Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
            throw new BitstreamException("not a Workbench image codec file (bad magic)");
        if (bytes.Length < FixedRateHeaderBytes + 4) throw new BitstreamException($"codec file is truncated ({bytes.Length} bytes)");
        var version = bytes[4];
        if (version is not (FixedRateVersion or VariableRateVersion))
            throw new BitstreamException($"codec file version {version} is not supported (expected {FixedRateVersion} or {VariableRateVersion})");
        var headerBytes = HeaderBytes(version);
        if (bytes.Length < headerBytes + 4) throw new BitstreamException($"codec file is truncated ({bytes.Length} bytes)");

        var body = bytes[..^4];
        if (Crc32.HashToUInt32(body) != BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]))
            throw new BitstreamException("codec file is corrupt or truncated (checksum mismatch)");

        var width = BinaryPrimitives.ReadUInt16LittleEndian(body[8..]);
        var height = BinaryPrimitives.ReadUInt16LittleEndian(body[10..]);
        var pad = BinaryPrimitives.ReadUInt16LittleEndian(body[12..]);
        if (width == 0 || height == 0 || pad == 0) throw new BitstreamException($"codec file has an empty size {width}x{height} or pad multiple {pad}");
        byte? hundredths = version == VariableRateVersion ? body[FixedRateHeaderBytes] : null;
        if (hundredths > 99) throw new BitstreamException($"codec file has quality hundredths {hundredths} (expected 0..99)");

        var streams = new List<byte[]>(body[7]);
        var position = headerBytes;
        for (var s = 0; s < body[7]; s++)
        {
            if (position + 4 > body.Length) throw new BitstreamException($"codec file is truncated in stream {s}'s length");
            var length = BinaryPrimitives.ReadUInt32LittleEndian(body[position..]);
            position += 4;
            if (length > (uint)(body.Length - position)) throw new BitstreamException($"codec file is truncated in stream {s} ({length} bytes announced)");
            streams.Add(body.Slice(position, (int)length).ToArray());
            position += (int)length;
        }
        if (position != body.Length) throw new BitstreamException($"codec file has {body.Length - position} unexpected trailing bytes");
        return new CodecFile(body[5], body[6], width, height, pad, streams, hundredths);
    }

    private static int HeaderBytes(byte version) => version == VariableRateVersion ? FixedRateHeaderBytes + 1 : FixedRateHeaderBytes;
}
