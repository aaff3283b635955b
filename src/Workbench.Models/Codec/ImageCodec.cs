using Workbench.Codec.Entropy;
using Workbench.Codec.Entropy.Container;
using Workbench.Core.Errors;
using Workbench.Data.Images;

namespace Workbench.Models.Codec;

/// <summary>
/// Images to codec files and back: the container (model id, quality, size, pad multiple, CRC-checked streams) around
/// the streams of a <see cref="LearnedImageCodec"/>. The decoded image is the model's quantised reconstruction
/// g_s(round(y)) cropped to the original size.
/// </summary>
public static class ImageCodec
{
    /// <summary>Codes any image <see cref="ImageTensors.ToTensor"/> takes whose sides fit the container's 16-bit fields.</summary>
    public static byte[] Compress(LearnedImageCodec model, RasterImage image, byte quality)
    {
        if (image.Width > CodecFileFormat.MaxDimension || image.Height > CodecFileFormat.MaxDimension)
            throw new DataFileException($"{image.Width} x {image.Height} image: codec files hold sides up to {CodecFileFormat.MaxDimension} pixels");
        return CodecFileFormat.Write(new CodecFile((byte)model.Id, quality, image.Width, image.Height, model.PadMultiple, model.Compress(image)));
    }

    /// <summary>Reads a codec file; <paramref name="models"/> gives the model of a (model id, quality) pair or throws.</summary>
    public static RasterImage Decompress(ReadOnlySpan<byte> bytes, Func<CodecModelId, byte, LearnedImageCodec> models)
    {
        try
        {
            var file = CodecFileFormat.Read(bytes);
            if (!Enum.IsDefined((CodecModelId)file.ModelId)) throw new DataFileException($"codec file names an unknown model id {file.ModelId}");
            var model = models((CodecModelId)file.ModelId, file.Quality);
            var streams = model.LatentCodec.StreamCount;
            if (file.PadMultiple != model.PadMultiple || file.Streams.Count != streams)
                throw new DataFileException($"codec file has pad multiple {file.PadMultiple} and {file.Streams.Count} streams (expected {model.PadMultiple} and {streams})");
            return model.Decompress(file.Streams, file.Width, file.Height);
        }
        catch (BitstreamException e)
        {
            throw new DataFileException(e.Message);
        }
    }
}
