using Workbench.Data.Images;

namespace Workbench.Notebooks.Tests.Formatting;

public class PngTests
{
    [PillowFact]
    public void Encoded_rgb_pixels_decode_unchanged_with_pil()
    {
        const int width = 7, height = 5;
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < rgb.Length; i++) rgb[i] = (byte)((i * 37 + i / 5) % 256);
        var (mode, w, h, pixels) = PillowDecoder.Decode(PngEncoder.EncodeRgb(width, height, rgb));
        Assert.Equal(("RGB", width, height), (mode, w, h));
        for (var p = 0; p < width * height; p++)
            Assert.Equal([rgb[3 * p], rgb[3 * p + 1], rgb[3 * p + 2]], pixels[p]);
    }

    [Fact]
    public void Rejects_a_pixel_buffer_of_the_wrong_size()
    {
        var e = Assert.Throws<ArgumentException>(() => PngEncoder.EncodeRgb(2, 2, new byte[11]));
        Assert.Equal("expected 12 RGB bytes for 2 x 2, got 11", e.Message);
    }
}
