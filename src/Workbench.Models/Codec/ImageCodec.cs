using Workbench.Codec.Entropy;
using Workbench.Codec.Entropy.Container;
using Workbench.Core.Errors;
using Workbench.Data.Images;

namespace Workbench.Models.Codec;

/// <summary>
/// Images to codec files and back: the container (model id, quality, size, pad multiple, CRC-checked streams) around
/// the streams of a <see cref="LearnedImageCodec"/>. The decoded image is the model's quantised reconstruction
/// g_s(y_hat) cropped to the original size. The container's model byte holds the <see cref="CodecModelId"/> in its low
/// four bits and the <see cref="EntropyModel"/> in its high four: 0, the scale model, in every file written before the
/// mean-scale model existed, so those files read as they always did.
/// </summary>
public static class ImageCodec
{
    /// <summary>Codes any image <see cref="ImageTensors.ToTensor"/> takes whose sides fit the container's 16-bit fields.</summary>
    public static byte[] Compress(LearnedImageCodec model, RasterImage image, byte quality)
    {
        if (image.Width > CodecFileFormat.MaxDimension || image.Height > CodecFileFormat.MaxDimension)
            throw new DataFileException($"{image.Width} x {image.Height} image: codec files hold sides up to {CodecFileFormat.MaxDimension} pixels");
        var modelByte = (byte)((byte)model.EntropyModel << 4 | (byte)model.Id);
        return CodecFileFormat.Write(new CodecFile(modelByte, quality, image.Width, image.Height, model.PadMultiple, model.Compress(image)));
    }

    /// <summary>Reads a codec file; <paramref name="models"/> gives the model of a (model id, quality) pair or throws.</summary>
    public static RasterImage Decompress(ReadOnlySpan<byte> bytes, Func<CodecModelId, byte, LearnedImageCodec> models)
    {
        try
        {
            var file = CodecFileFormat.Read(bytes);
            var (id, entropyModel) = ((CodecModelId)(file.ModelId & 0xF), (EntropyModel)(file.ModelId >> 4));
            if (!Enum.IsDefined(id) || !Enum.IsDefined(entropyModel)) throw new DataFileException($"codec file names an unknown model id {file.ModelId}");
            var model = models(id, file.Quality);
            if (model.EntropyModel != entropyModel)
                throw new DataFileException($"codec file was coded with the {EntropyModels.Name(entropyModel)} entropy model, the {CodecModels.Name(id)} " +
                                            $"model for quality {file.Quality} has the {EntropyModels.Name(model.EntropyModel)} one");
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
