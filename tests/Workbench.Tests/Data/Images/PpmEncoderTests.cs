using Workbench.Data.Images;

namespace Workbench.Tests.Data.Images;

public sealed class PpmEncoderTests
{
    [Fact]
    public void A_2x2_rgb_image_is_the_p6_header_then_its_pixels_row_by_row()
    {
        var image = new RasterImage(2, 2, 3, [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30]);
        byte[] expected = [(byte)'P', (byte)'6', (byte)'\n', (byte)'2', (byte)' ', (byte)'2', (byte)'\n', (byte)'2', (byte)'5', (byte)'5', (byte)'\n',
            255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30];
        Assert.Equal(expected, PpmEncoder.Encode(image));
    }

    [Fact]
    public void A_grey_image_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => PpmEncoder.Encode(new RasterImage(1, 1, 1, [7])));
        Assert.Equal("PPM holds RGB images, got 1 channel(s)", error.Message);
    }
}
