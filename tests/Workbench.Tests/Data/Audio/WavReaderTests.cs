using System.Text;
using System.Text.Json;
using Workbench.Core.Errors;
using Workbench.Data.Audio;

namespace Workbench.Tests.Data.Audio;

/// <summary>Oracle: the stored integers scaled by 2^(bits-1), written and checked against scipy by tests/fixtures/audio/make_wav_fixtures.py.</summary>
public sealed class WavReaderTests
{
    private sealed record Expected(string File, int Rate, double[][] Samples);

    private static List<Expected> Manifest() => JsonSerializer.Deserialize<List<Expected>>(
        File.ReadAllText(FixturePaths.Of("audio", "manifest.json")), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var item in Manifest()) data.Add(item.File);
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Decodes_the_samples_scipy_stores(string file)
    {
        var expected = Manifest().Single(m => m.File == file);
        var audio = WavReader.Read(FixturePaths.Of("audio", file));
        Assert.Equal(expected.Rate, audio.SampleRate);
        Assert.Equal(expected.Samples.Length, audio.Channels);
        for (var c = 0; c < audio.Channels; c++)
            Assert.Equal(expected.Samples[c].Select(v => (float)v).ToArray(), audio.Samples[c]);
    }

    [Fact]
    public void Reads_the_committed_bach_recording()
    {
        var audio = WavReader.Read(Path.Combine(FixturePaths.Root, "..", "..", "data", "audio", "gt_bach.wav"));
        Assert.Equal((44100, 1, 308207), (audio.SampleRate, audio.Channels, audio.Frames));
        Assert.Equal(1f, audio.Samples[0].Max(Math.Abs));
    }

    [Theory]
    [InlineData("RIFX", "no RIFF header")]
    [InlineData("short", "ends inside its header")]
    [InlineData("nofmt", "No fmt chunk found")]
    [InlineData("short-fmt", "Invalid WaveFormat Structure")]
    [InlineData("truncated", "not a whole number of 2-byte frames")]
    [InlineData("alaw", "unsupported sample format (ALaw, 8 bits)")]
    [InlineData("partial-frame", "not a whole number of 4-byte frames")]
    [InlineData("nodata", "No data chunk found")]
    public void Malformed_files_fail_with_a_clear_message(string kind, string message)
    {
        var bytes = kind switch
        {
            "RIFX" => Riff(Fmt(1, 1, 16), new byte[4]).Select((b, i) => i == 3 ? (byte)'X' : b).ToArray(),
            "short" => "RIFF"u8.ToArray(),
            "nofmt" => Riff([], new byte[4]),
            "short-fmt" => Riff(Fmt(1, 1, 16)[..14], new byte[4]),
            "truncated" => Riff(Fmt(1, 1, 16), new byte[8])[..^3],
            "alaw" => Riff(Fmt(6, 1, 8), new byte[4]),
            "partial-frame" => Riff(Fmt(1, 2, 16), new byte[6]),
            _ => Riff(Fmt(3, 1, 32), null),
        };
        var path = Path.Combine(Path.GetTempPath(), $"wb-wav-{kind}-{Guid.NewGuid():N}.wav");
        File.WriteAllBytes(path, bytes);
        try
        {
            var error = Assert.Throws<DataFileException>(() => WavReader.Read(path));
            Assert.Contains(message, error.Message);
            Assert.StartsWith(path, error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_file_is_a_data_file_error()
    {
        var error = Assert.Throws<DataFileException>(() => WavReader.Read("/nonexistent/x.wav"));
        Assert.Contains("cannot read the WAV file", error.Message);
    }

    private static byte[] Fmt(ushort tag, ushort channels, ushort bits)
    {
        var chunk = new byte[16];
        var align = (ushort)(channels * bits / 8);
        BitConverter.TryWriteBytes(chunk.AsSpan(0), tag);
        BitConverter.TryWriteBytes(chunk.AsSpan(2), channels);
        BitConverter.TryWriteBytes(chunk.AsSpan(4), 8000);
        BitConverter.TryWriteBytes(chunk.AsSpan(8), 8000 * align);
        BitConverter.TryWriteBytes(chunk.AsSpan(12), align);
        BitConverter.TryWriteBytes(chunk.AsSpan(14), bits);
        return chunk;
    }

    private static byte[] Riff(byte[] fmt, byte[]? data)
    {
        var body = new List<byte>(Encoding.ASCII.GetBytes("WAVE"));
        if (fmt.Length > 0) body.AddRange([.. Encoding.ASCII.GetBytes("fmt "), .. BitConverter.GetBytes(fmt.Length), .. fmt]);
        if (data is not null) body.AddRange([.. Encoding.ASCII.GetBytes("data"), .. BitConverter.GetBytes(data.Length), .. data]);
        return [.. Encoding.ASCII.GetBytes("RIFF"), .. BitConverter.GetBytes(body.Count), .. body];
    }
}
