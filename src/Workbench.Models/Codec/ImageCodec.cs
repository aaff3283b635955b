using Workbench.Codec.Entropy;
using Workbench.Codec.Entropy.Cdf;
using Workbench.Codec.Entropy.Container;
using Workbench.Core.Errors;
using Workbench.Data.Images;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Images to codec files and back with a <see cref="LearnedImageCodec"/>. Streams: z (channel c coded with the entropy
/// bottleneck's cdf c, symbols round(z - median)), then y (round(y), each element with the Gaussian cdf of its scale
/// index from the deterministic hyper-synthesis of the decoded z). The decoded image is the model's quantised
/// reconstruction g_s(round(y)) cropped to the original size.
/// </summary>
public static class ImageCodec
{
    private const int StreamCount = 2;

    public static byte[] Compress(LearnedImageCodec model, RasterImage image, byte quality)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        var x = ImageTensors.Pad(ImageTensors.ToTensor(image), ScaleHyperpriorOptions.PadMultiple);
        var y = model.Analysis(x);
        var z = model.HyperAnalysis(y);
        var medians = model.EntropyBottleneck.Medians.detach().cpu().to(ScalarType.Float64).data<double>().ToArray();
        var zSymbols = (z.cpu().to(ScalarType.Float64) - tensor(medians).reshape(1, -1, 1, 1)).round().to(ScalarType.Int32).data<int>().ToArray();
        var (channels, zh, zw) = ((int)z.shape[1], (int)z.shape[2], (int)z.shape[3]);
        var zStream = SymbolCoder.Encode(zSymbols, ChannelIndexes(channels, zh * zw), model.EntropyBottleneck.Table());

        var yIndexes = ScaleIndexes(model, zSymbols, medians, channels, zh, zw);
        var ySymbols = y.round().cpu().to(ScalarType.Int32).data<int>().ToArray();
        var yStream = SymbolCoder.Encode(ySymbols, yIndexes, GaussianConditional.Table);

        return CodecFileFormat.Write(new CodecFile((byte)model.Id, quality, image.Width, image.Height,
            ScaleHyperpriorOptions.PadMultiple, [zStream, yStream]));
    }

    /// <summary>Reads a codec file; <paramref name="models"/> gives the model of a (model id, quality) pair or throws.</summary>
    public static RasterImage Decompress(ReadOnlySpan<byte> bytes, Func<CodecModelId, byte, LearnedImageCodec> models)
    {
        try
        {
            var file = CodecFileFormat.Read(bytes);
            if (!Enum.IsDefined((CodecModelId)file.ModelId)) throw new DataFileException($"codec file names an unknown model id {file.ModelId}");
            if (file.PadMultiple != ScaleHyperpriorOptions.PadMultiple || file.Streams.Count != StreamCount)
                throw new DataFileException($"codec file has pad multiple {file.PadMultiple} and {file.Streams.Count} streams (expected {ScaleHyperpriorOptions.PadMultiple} and {StreamCount})");
            return Decode(models((CodecModelId)file.ModelId, file.Quality), file);
        }
        catch (BitstreamException e)
        {
            throw new DataFileException(e.Message);
        }
    }

    private static RasterImage Decode(LearnedImageCodec model, CodecFile file)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        var height = Padded(file.Height);
        var width = Padded(file.Width);
        var (channels, zh, zw) = (model.HyperChannels, height / 64, width / 64);
        var medians = model.EntropyBottleneck.Medians.detach().cpu().to(ScalarType.Float64).data<double>().ToArray();
        var zSymbols = SymbolCoder.Decode(file.Streams[0], ChannelIndexes(channels, zh * zw), model.EntropyBottleneck.Table());
        var yIndexes = ScaleIndexes(model, zSymbols, medians, channels, zh, zw);
        var ySymbols = SymbolCoder.Decode(file.Streams[1], yIndexes, GaussianConditional.Table);
        var parameter = model.parameters().First();
        var yHat = tensor(ySymbols, [1, model.LatentChannels, height / 16, width / 16]).to(parameter.dtype, parameter.device);
        return ImageTensors.ToImage(model.Synthesis(yHat), file.Width, file.Height);
    }

    private static int Padded(int size) => (size + ScaleHyperpriorOptions.PadMultiple - 1) / ScaleHyperpriorOptions.PadMultiple * ScaleHyperpriorOptions.PadMultiple;

    private static int[] ChannelIndexes(int channels, int perChannel) =>
        Enumerable.Range(0, channels * perChannel).Select(i => i / perChannel).ToArray();

    private static int[] ScaleIndexes(LearnedImageCodec model, int[] zSymbols, double[] medians, int channels, int zh, int zw)
    {
        var plane = zh * zw;
        var zHat = new double[zSymbols.Length];
        for (var i = 0; i < zHat.Length; i++) zHat[i] = zSymbols[i] + medians[i / plane];
        var (scales, _, _, _) = new DeterministicHyperSynthesis(model.HyperSynthesis).Evaluate(zHat, channels, zh, zw);
        return scales.Select(GaussianConditional.ScaleIndex).ToArray();
    }
}
