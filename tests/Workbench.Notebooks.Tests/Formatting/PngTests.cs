using System.Text;
using Workbench.Data.Images;
using Workbench.Interactive.Imaging;

namespace Workbench.Notebooks.Tests.Formatting;

public class PngTests
{
    [Fact]
    public void Crc32_matches_the_standard_check_value()
    {
        Assert.Equal(0xCBF43926u, Crc32.Compute(Encoding.ASCII.GetBytes("123456789")));
        Assert.Equal(0u, Crc32.Compute([]));
    }

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

    [PillowFact]
    public void Heatmap_puts_row_zero_on_top_with_square_blocks_and_viridis_ends()
    {
        // Values 0..5 in a 2 x 3 field; 6 target pixels give 2 x 2 pixel blocks.
        var field = new double[,] { { 0, 1, 2 }, { 3, 4, 5 } };
        var image = HeatmapImage.Render(field, targetPixels: 6);
        Assert.Equal((6, 4, 0.0, 5.0), (image.Width, image.Height, image.Min, image.Max));
        var (_, width, height, pixels) = PillowDecoder.Decode(image.Png);
        Assert.Equal((6, 4), (width, height));
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = Colormap.Viridis(field[y / 2, x / 2] / 5);
                Assert.Equal([r, g, b], pixels[y * width + x]);
            }
        Assert.Equal([0x44, 0x01, 0x54], pixels[0]);
        Assert.Equal([0xFD, 0xE7, 0x25], pixels[^1]);
    }

    [Fact]
    public void Viridis_interpolates_linearly_between_anchors()
    {
        Assert.Equal(((byte)0x21, (byte)0x91, (byte)0x8C), Colormap.Viridis(0.5));
        // Halfway between the first two anchors (0x44,0x01,0x54) and (0x47,0x2D,0x7B).
        Assert.Equal(((byte)70, (byte)23, (byte)104), Colormap.Viridis(1 / 16.0));
        Assert.Equal(Colormap.Viridis(0), Colormap.Viridis(-3));
        Assert.Equal("#FDE725", Colormap.Hex(7));
    }

    [Fact]
    public void Rejects_a_pixel_buffer_of_the_wrong_size()
    {
        var e = Assert.Throws<ArgumentException>(() => PngEncoder.EncodeRgb(2, 2, new byte[11]));
        Assert.Equal("expected 12 RGB bytes for 2 x 2, got 11", e.Message);
    }
}
