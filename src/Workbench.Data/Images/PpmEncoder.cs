using System.Text;

namespace Workbench.Data.Images;

/// <summary>Writes 8-bit RGB images as binary PPM (P6): the header "P6\nW H\n255\n", then the pixels as they are.</summary>
public static class PpmEncoder
{
    public static byte[] Encode(RasterImage image)
    {
        if (image.Channels != 3) throw new ArgumentException($"PPM holds RGB images, got {image.Channels} channel(s)");
        var header = Encoding.ASCII.GetBytes($"P6\n{image.Width} {image.Height}\n255\n");
        var bytes = new byte[header.Length + image.Pixels.Length];
        header.CopyTo(bytes, 0);
        image.Pixels.CopyTo(bytes, header.Length);
        return bytes;
    }
}
