using NAudio.Wave;
using Workbench.Core.Errors;

namespace Workbench.Data.Audio;

/// <summary>
/// Reads RIFF/WAVE files with NAudio: integer PCM of 8, 16, 24 or 32 bits and IEEE float of 32 or 64 bits, any channel
/// count, plain or WAVE_FORMAT_EXTENSIBLE headers. NAudio skips chunks other than fmt and data, and reads a data chunk that
/// announces more bytes than the file holds up to the end of the file. Malformed files raise a
/// <see cref="DataFileException"/> naming the file and the problem.
/// </summary>
public static class WavReader
{
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
        try
        {
            using var reader = new WaveFileReader(new MemoryStream(bytes.ToArray(), writable: false));
            return DecodeSamples(reader);
        }
        catch (EndOfStreamException e)
        {
            throw new FormatException("not a RIFF/WAVE file (it ends inside its header)", e);
        }
        catch (InvalidDataException e)
        {
            throw new FormatException($"not a valid RIFF/WAVE file ({e.Message})", e);
        }
    }

    private static WavAudio DecodeSamples(WaveFileReader reader)
    {
        var format = reader.WaveFormat;
        if (format.Channels < 1) throw new FormatException("the fmt chunk declares no channels");
        if (format.SampleRate < 1) throw new FormatException($"sample rate {format.SampleRate} is not positive");
        if (format.BlockAlign != format.Channels * format.BitsPerSample / 8)
            throw new FormatException($"block align {format.BlockAlign} does not match {format.Channels} channel(s) of {format.BitsPerSample} bits");
        if (reader.Length % format.BlockAlign != 0)
            throw new FormatException($"data chunk of {reader.Length} bytes is not a whole number of {format.BlockAlign}-byte frames");
        ISampleProvider samples;
        try
        {
            samples = reader.ToSampleProvider();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new FormatException($"unsupported sample format ({format.Encoding}, {format.BitsPerSample} bits); supported: PCM 8/16/24/32-bit, IEEE float 32/64-bit", e);
        }

        var channels = format.Channels;
        var frames = (int)(reader.Length / format.BlockAlign);
        var interleaved = new float[frames * channels];
        var read = 0;
        while (read < interleaved.Length)
        {
            var n = samples.Read(interleaved.AsSpan(read));
            if (n == 0) throw new InvalidOperationException($"NAudio returned {read} of {interleaved.Length} samples");
            read += n;
        }
        var planar = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            planar[c] = new float[frames];
            for (var f = 0; f < frames; f++) planar[c][f] = interleaved[f * channels + c];
        }
        return new WavAudio(format.SampleRate, planar);
    }
}
