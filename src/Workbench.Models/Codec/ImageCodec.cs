using Workbench.Codec.Entropy;
using Workbench.Codec.Entropy.Container;
using Workbench.Core.Errors;
using Workbench.Data.Images;

namespace Workbench.Models.Codec;

/// <summary>
/// Images to codec files and back: the container (model id, quality, size, pad multiple, CRC-checked streams) around
/// the streams of a <see cref="LearnedImageCodec"/>. The decoded image is the model's quantised reconstruction
/// g_s(y_hat) cropped to the original size. A fixed-rate model's file records its whole quality (container version 1),
/// a variable-rate model's file its quality in hundredths (version 2), so that decoding needs no quality given. The
/// container's model byte holds the <see cref="CodecModelId"/> in its low four bits and the <see cref="EntropyModel"/>
/// in its high four: 0, the scale model, in every file written before the mean-scale model existed, so those files read
/// as they always did.
/// </summary>
public static class ImageCodec
{
    /// <summary>Codes with a fixed-rate model trained for <paramref name="quality"/>.</summary>
    public static byte[] Compress(LearnedImageCodec model, RasterImage image, byte quality) => Compress(model, image, CodecQuality.Fixed(quality));

    /// <summary>Codes any image <see cref="ImageTensors.ToTensor"/> takes whose sides fit the container's 16-bit fields.</summary>
    public static byte[] Compress(LearnedImageCodec model, RasterImage image, CodecQuality quality)
    {
        if (image.Width > CodecFileFormat.MaxDimension || image.Height > CodecFileFormat.MaxDimension)
            throw new DataFileException($"{image.Width} x {image.Height} image: codec files hold sides up to {CodecFileFormat.MaxDimension} pixels");
        if (quality.VariableRate != (model.Gains is not null) || (!quality.VariableRate && !quality.IsWhole))
            throw new ArgumentException($"quality {quality} ({(quality.VariableRate ? "variable" : "fixed")} rate) does not fit the {(model.Gains is null ? "fixed" : "variable")}-rate model");
        if (model.Gains is { Levels: var levels } && !levels.Covers(quality))
            throw new ConfigException($"codec: the variable-rate {CodecModels.Name(model.Id)} model covers {levels}, not quality {quality}");
        var hundredths = quality.VariableRate ? (byte)(quality.Hundredths % 100) : (byte?)null;
        var modelByte = (byte)((byte)model.EntropyModel << 4 | (byte)model.Id);
        return CodecFileFormat.Write(new CodecFile(modelByte, (byte)(quality.Hundredths / 100), image.Width, image.Height, model.PadMultiple,
            model.Compress(image, quality), hundredths));
    }

    /// <summary>Reads a codec file; <paramref name="models"/> gives the model of a (model id, quality) pair or throws.</summary>
    public static RasterImage Decompress(ReadOnlySpan<byte> bytes, Func<CodecModelId, CodecQuality, LearnedImageCodec> models)
    {
        try
        {
            var file = CodecFileFormat.Read(bytes);
            var (id, entropyModel) = ((CodecModelId)(file.ModelId & 0xF), (EntropyModel)(file.ModelId >> 4));
            if (!Enum.IsDefined(id) || !Enum.IsDefined(entropyModel)) throw new DataFileException($"codec file names an unknown model id {file.ModelId}");
            var quality = new CodecQuality(100 * file.Quality + (file.QualityHundredths ?? 0), file.QualityHundredths is not null);
            var model = models(id, quality);
            model.RefuseUncodable();
            if (model.EntropyModel != entropyModel)
                throw new DataFileException($"codec file was coded with the {EntropyModels.Name(entropyModel)} entropy model, the {CodecModels.Name(id)} " +
                                            $"model for quality {quality} has the {EntropyModels.Name(model.EntropyModel)} one");
            var streams = model.LatentCodec.StreamCount;
            if (file.PadMultiple != model.PadMultiple || file.Streams.Count != streams)
                throw new DataFileException($"codec file has pad multiple {file.PadMultiple} and {file.Streams.Count} streams (expected {model.PadMultiple} and {streams})");
            if (quality.VariableRate != (model.Gains is not null))
                throw new DataFileException($"codec file was coded by a {(quality.VariableRate ? "variable" : "fixed")}-rate model, the model given is {(model.Gains is null ? "fixed" : "variable")}-rate");
            if (model.Gains is { Levels: var levels } && !levels.Covers(quality))
                throw new DataFileException($"codec file has quality {quality}, outside the variable-rate model's {levels}");
            return model.Decompress(file.Streams, file.Width, file.Height, quality);
        }
        catch (BitstreamException e)
        {
            throw new DataFileException(e.Message);
        }
    }
}
