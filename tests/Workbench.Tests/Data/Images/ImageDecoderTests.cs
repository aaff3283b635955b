using System.Text.Json;
using Workbench.Data.Images;

namespace Workbench.Tests.Data.Images;

/// <summary>Oracle: tests/fixtures/codec/make_codec_inputs.py (numpy for the 16-bit, grey and alpha rules, PIL for JPEG).</summary>
public class ImageDecoderTests
{
    public sealed record Accepted(string File, int Width, int Height, int Channels, byte[] Decoded, byte[] Rgb);

    public sealed record Refused(string File, string Error);

    private sealed record Fixtures(List<Accepted> Accepted, List<Refused> Refused);

    private static readonly Lazy<Fixtures> All = new(() =>
    {
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        options.Converters.Add(new ByteListConverter());
        return JsonSerializer.Deserialize<Fixtures>(File.ReadAllText(FixturePaths.Of("codec", "codec_inputs.json")), options)!;
    });

    public static Accepted AcceptedInput(string file) => All.Value.Accepted.Single(a => a.File == file);

    public static Refused RefusedInput(string file) => All.Value.Refused.Single(r => r.File == file);

    public static string PathOf(string file) => FixturePaths.Of("codec", "inputs", file);

    public static TheoryData<string> AcceptedFiles() => [.. All.Value.Accepted.Select(a => a.File)];

    public static TheoryData<string> RefusedFiles() => [.. All.Value.Refused.Select(r => r.File)];

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Decodes_the_pixels_of_the_stated_rules(string file)
    {
        var expected = AcceptedInput(file);
        var image = ImageDecoder.Read(PathOf(file));
        Assert.Equal((expected.Width, expected.Height, expected.Channels), (image.Width, image.Height, image.Channels));
        Assert.Equal(expected.Decoded, image.Pixels);
    }

    [Theory]
    [MemberData(nameof(AcceptedFiles))]
    public void Converts_to_the_rgb_the_codec_compresses(string file)
    {
        var expected = AcceptedInput(file);
        var rgb = ImageDecoder.Read(PathOf(file)).ToRgb();
        Assert.Equal(3, rgb.Channels);
        Assert.Equal(expected.Rgb, rgb.Pixels);
    }

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public void Refuses_with_the_problem_named(string file)
    {
        var e = Assert.Throws<InvalidDataException>(() => ImageDecoder.Read(PathOf(file)));
        Assert.Equal($"{PathOf(file)}: {RefusedInput(file).Error}", e.Message);
    }

    [Fact]
    public void Compositing_over_white_keeps_opaque_colours_and_whitens_transparent_ones()
    {
        var image = new RasterImage(3, 1, 4, [10, 20, 30, 255, 10, 20, 30, 0, 0, 100, 255, 128]).ToRgb();
        // round((0 * 128 + 255 * 127) / 255) = 127, round((100 * 128 + 255 * 127) / 255) = round(177.196) = 177.
        Assert.Equal([10, 20, 30, 255, 255, 255, 127, 177, 255], image.Pixels);
    }

    /// <summary>The fixtures list bytes as JSON numbers (System.Text.Json reads byte[] as base64 only).</summary>
    private sealed class ByteListConverter : System.Text.Json.Serialization.JsonConverter<byte[]>
    {
        public override byte[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            [.. JsonSerializer.Deserialize<List<byte>>(ref reader)!];

        public override void Write(Utf8JsonWriter writer, byte[] value, JsonSerializerOptions options) => throw new NotSupportedException();
    }
}
