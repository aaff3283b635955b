using System.Diagnostics;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Training.Codec;

/// <summary>
/// One image at one quality measured without a codec file, so that models which code no files are measured as those
/// that do: the rate is the information content of y_hat and z_hat under the model's own entropy models (the sum of
/// -log2 likelihoods of the evaluation-mode forward on the padded image) per pixel of the original image, the distortion
/// that of the forward's reconstruction as a decoder writes it (clamped, cropped, rounded to 8 bits).
/// </summary>
public static class CodecRateEstimate
{
    public static CodecMeasurement Measure(LearnedImageCodec network, string name, RasterImage image, RasterImage reference, CodecQuality quality)
    {
        var clock = Stopwatch.StartNew();
        using var output = network.Estimate(image, quality);
        var bits = Bits(output.YLikelihoods) + Bits(output.ZLikelihoods);
        var decoded = ImageTensors.ToImage(output.Reconstruction, image.Width, image.Height);
        var seconds = clock.Elapsed.TotalSeconds;
        return new CodecMeasurement(name, image.Width, image.Height, quality.Value, Bytes: null, bits / ((double)image.Width * image.Height),
            ImageQuality.Psnr(reference, decoded), ImageQuality.MsSsim(reference, decoded), seconds, DecodeSeconds: null);
    }

    private static double Bits(Tensor likelihoods)
    {
        using var scope = NewDisposeScope();
        return -likelihoods.to(ScalarType.Float64).log2().sum().item<double>();
    }
}
