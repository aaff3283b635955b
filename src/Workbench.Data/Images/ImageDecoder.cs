namespace Workbench.Data.Images;

/// <summary>Reads a PNG (<see cref="PngDecoder"/>) or JPEG (<see cref="JpegDecoder"/>) file, told apart by its signature.</summary>
public static class ImageDecoder
{
    public static RasterImage Decode(ReadOnlySpan<byte> file) =>
        file.StartsWith(PngDecoder.Signature) ? PngDecoder.Decode(file)
        : file.StartsWith(JpegDecoder.Signature) ? JpegDecoder.Decode(file)
        : throw new InvalidDataException("not a PNG or JPEG file (unknown signature)");

    public static RasterImage Read(string path)
    {
        try
        {
            return Decode(File.ReadAllBytes(path));
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: {e.Message}", e);
        }
    }
}
