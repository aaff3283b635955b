using System.Security.Cryptography;
using System.Text.Json;
using Workbench.Data.Images;

namespace Workbench.Tests.Data.Images;

/// <summary>Oracle: PIL's decoding of every fixture (tests/fixtures/images/make_png_fixtures.py writes the manifest).</summary>
public class PngDecoderTests
{
    private sealed record Expected(string File, int Width, int Height, int Channels, string Sha256);

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var item in Manifest()) data.Add(item.File);
        return data;
    }

    private static List<Expected> Manifest()
    {
        var json = File.ReadAllText(FixturePaths.Of("images", "manifest.json"));
        return JsonSerializer.Deserialize<List<Expected>>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;
    }

    private static string PathOf(string file) =>
        file.StartsWith("data/", StringComparison.Ordinal)
            ? Path.Combine(FixturePaths.Root, "..", "..", file)
            : FixturePaths.Of("images", file);

    [Theory]
    [MemberData(nameof(Files))]
    public void Decodes_the_pixels_pil_decodes(string file)
    {
        var expected = Manifest().Single(m => m.File == file);
        var image = PngDecoder.Read(PathOf(file));
        Assert.Equal((expected.Width, expected.Height, expected.Channels), (image.Width, image.Height, image.Channels));
        Assert.Equal(expected.Sha256, Convert.ToHexStringLower(SHA256.HashData(image.Pixels)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    public void Encoding_then_decoding_returns_the_same_pixels(int channels)
    {
        var pixels = new byte[11 * 6 * channels];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * 53 % 251);
        var image = new RasterImage(11, 6, channels, pixels);
        var decoded = PngDecoder.Decode(PngEncoder.Encode(image));
        Assert.Equal((11, 6, channels), (decoded.Width, decoded.Height, decoded.Channels));
        Assert.Equal(pixels, decoded.Pixels);
    }

    /// <summary>Byte 40 of rgb.png lies in the IDAT chunk, whose CRC libpng checks.</summary>
    [Fact]
    public void A_flipped_byte_in_the_image_data_is_reported_as_corrupt()
    {
        var bytes = File.ReadAllBytes(PathOf("rgb.png"));
        bytes[40] ^= 0x10;
        var e = Assert.Throws<InvalidDataException>(() => PngDecoder.Decode(bytes));
        Assert.Equal("corrupt or truncated PNG (IncompleteInput)", e.Message);
    }

    [Fact]
    public void A_file_cut_inside_its_image_data_and_a_foreign_file_give_one_line_errors()
    {
        var bytes = File.ReadAllBytes(PathOf("rgb.png"));
        var cut = Assert.Throws<InvalidDataException>(() => PngDecoder.Decode(bytes.AsSpan(0, bytes.Length / 2)));
        Assert.StartsWith("corrupt or truncated PNG", cut.Message);
        var foreign = Assert.Throws<InvalidDataException>(() => PngDecoder.Read(PathOf("../audio/pcm16_mono.wav")));
        Assert.EndsWith("pcm16_mono.wav: not a PNG file (bad signature)", foreign.Message);
    }

    [Fact]
    public void Dropping_alpha_keeps_the_colour_bytes()
    {
        var image = new RasterImage(2, 1, 4, [1, 2, 3, 4, 5, 6, 7, 8]).WithoutAlpha();
        Assert.Equal(3, image.Channels);
        Assert.Equal([1, 2, 3, 5, 6, 7], image.Pixels);
    }
}
