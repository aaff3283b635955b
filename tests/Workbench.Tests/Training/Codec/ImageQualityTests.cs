using System.Text.Json;
using Workbench.Data.Images;
using Workbench.Training.Codec;

namespace Workbench.Tests.Training.Codec;

public sealed class ImageQualityTests
{
    private sealed record Case(int Amplitude, double Psnr, double Ssim, double MsSsim);

    /// <summary>The integer-formula image pair of tests/fixtures/codec/make_image_quality.py.</summary>
    private static (RasterImage A, RasterImage B) Pair(int amplitude)
    {
        const int height = 192, width = 176;
        var a = new byte[height * width * 3];
        var b = new byte[a.Length];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        for (var c = 0; c < 3; c++)
        {
            var i = (y * width + x) * 3 + c;
            var value = 20 + (x * (c + 2) + 3 * y + ((x * y) >> 4)) % 200;
            var noise = (int)((ulong)i * 2654435761UL % (1UL << 32) % (ulong)(2 * amplitude + 1)) - amplitude;
            a[i] = (byte)value;
            b[i] = (byte)Math.Clamp(value + noise, 0, 255);
        }
        return (new RasterImage(width, height, 3, a), new RasterImage(width, height, 3, b));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(40)]
    public void Psnr_ssim_and_ms_ssim_match_numpy_and_skimage(int amplitude)
    {
        var expected = JsonSerializer.Deserialize<Case[]>(File.ReadAllText(FixturePaths.Of("codec", "image_quality.json")),
            new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!.Single(c => c.Amplitude == amplitude);
        var (a, b) = Pair(amplitude);
        Assert.Equal(expected.Psnr, ImageQuality.Psnr(a, b), 9);
        Assert.Equal(expected.Ssim, ImageQuality.Ssim(a, b), 9);
        Assert.Equal(expected.MsSsim, ImageQuality.MsSsim(a, b), 9);
    }

    [Fact]
    public void Identical_images_are_perfect_and_mismatched_or_tiny_ones_refused()
    {
        var (a, _) = Pair(5);
        Assert.Equal(double.PositiveInfinity, ImageQuality.Psnr(a, a));
        Assert.Equal(1.0, ImageQuality.MsSsim(a, a), 12);
        var small = new RasterImage(100, 100, 3, new byte[30000]);
        Assert.Throws<ArgumentException>(() => ImageQuality.MsSsim(small, small));
        Assert.Throws<ArgumentException>(() => ImageQuality.Psnr(a, small));
    }
}
