using System.Buffers.Binary;
using Workbench.Core.Errors;

namespace Workbench.Data.Audio;

/// <summary>
/// Reads RIFF/WAVE files: integer PCM of 16, 24 or 32 bits and IEEE float of 32 bits, any channel count, plain or
/// WAVE_FORMAT_EXTENSIBLE headers. Chunks other than fmt and data are skipped. Malformed files raise a
/// <see cref="DataFileException"/> naming the file and the problem.
/// </summary>
public static class WavReader
{
    private const ushort Pcm = 1;
    private const ushort IeeeFloat = 3;
    private const ushort Extensible = 0xFFFE;

    public static WavAudio Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataFileException($"{path}: cannot read the WAV file ({e.Message})", e);
        }
        try
        {
            return Decode(bytes);
        }
        catch (FormatException e)
        {
            throw new DataFileException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>Decodes a WAV file held in memory; throws <see cref="FormatException"/> on malformed input.</summary>
    public static WavAudio Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || !bytes[..4].SequenceEqual("RIFF"u8) || !bytes[8..12].SequenceEqual("WAVE"u8))
            throw new FormatException("not a RIFF/WAVE file");
        WavFormat? format = null;
        var position = 12;
        while (position + 8 <= bytes.Length)
        {
            var id = bytes.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(position + 4)..]);
            var body = position + 8;
            if (size > bytes.Length - body) throw new FormatException($"chunk '{System.Text.Encoding.ASCII.GetString(id)}' runs past the end of the file");
            var content = bytes.Slice(body, (int)size);
            if (id.SequenceEqual("fmt "u8)) format = ParseFormat(content);
            else if (id.SequenceEqual("data"u8))
                return DecodeSamples(format ?? throw new FormatException("data chunk before the fmt chunk"), content);
            position = body + (int)size + (int)(size & 1);
        }
        throw new FormatException(format is null ? "no fmt chunk" : "no data chunk");
    }

    private sealed record WavFormat(ushort Encoding, int Channels, int SampleRate, int BitsPerSample, int BlockAlign);

    private static WavFormat ParseFormat(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length < 16) throw new FormatException($"fmt chunk of {chunk.Length} bytes, expected at least 16");
        var encoding = BinaryPrimitives.ReadUInt16LittleEndian(chunk);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(chunk[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(chunk[4..]);
        var align = BinaryPrimitives.ReadUInt16LittleEndian(chunk[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(chunk[14..]);
        if (encoding == Extensible)
        {
            if (chunk.Length < 26) throw new FormatException("WAVE_FORMAT_EXTENSIBLE fmt chunk without its sub-format");
            encoding = BinaryPrimitives.ReadUInt16LittleEndian(chunk[24..]);
        }
        if (channels < 1) throw new FormatException("the fmt chunk declares no channels");
        if (rate < 1) throw new FormatException($"sample rate {rate} is not positive");
        var supported = (encoding, bits) is (Pcm, 16 or 24 or 32) or (IeeeFloat, 32);
        if (!supported)
            throw new FormatException($"unsupported sample format (format tag {encoding}, {bits} bits); supported: PCM 16/24/32-bit, IEEE float 32-bit");
        if (align != channels * bits / 8) throw new FormatException($"block align {align} does not match {channels} channel(s) of {bits} bits");
        return new WavFormat(encoding, channels, rate, bits, align);
    }

    private static WavAudio DecodeSamples(WavFormat format, ReadOnlySpan<byte> data)
    {
        if (data.Length % format.BlockAlign != 0)
            throw new FormatException($"data chunk of {data.Length} bytes is not a whole number of {format.BlockAlign}-byte frames");
        var frames = data.Length / format.BlockAlign;
        var width = format.BitsPerSample / 8;
        var samples = new float[format.Channels][];
        for (var c = 0; c < format.Channels; c++) samples[c] = new float[frames];
        for (var f = 0; f < frames; f++)
        {
            for (var c = 0; c < format.Channels; c++)
                samples[c][f] = Sample(format, data.Slice(f * format.BlockAlign + c * width, width));
        }
        return new WavAudio(format.SampleRate, samples);
    }

    private static float Sample(WavFormat format, ReadOnlySpan<byte> s) => (format.Encoding, format.BitsPerSample) switch
    {
        (IeeeFloat, _) => BinaryPrimitives.ReadSingleLittleEndian(s),
        (_, 16) => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f,
        (_, 24) => ((s[0] | s[1] << 8 | s[2] << 16) << 8 >> 8) / 8388608f,
        _ => (float)(BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648.0),
    };
}
