using Workbench.Data.Images;
using Workbench.Models.Codec;
using Workbench.Training.Codec;
using Xunit.Abstractions;

namespace Workbench.Tests.Training.Codec;

public sealed class CodecRateEstimateTests(ITestOutputHelper log)
{
    /// <summary>
    /// Oracle: the committed models' own files of data/images/astronaut.png. The estimated rate (the information content
    /// of y_hat and z_hat under the model's likelihoods) is within 2% of the file's rate, which adds the coder's overhead
    /// and the quantised tables' mismatch; the estimated reconstruction is g_s(y_hat) as the decoder computes it, so the
    /// PSNRs agree to within 0.05 dB (a mean-scale or thread-count difference could move a few pixels by one level).
    /// </summary>
    [Theory]
    [InlineData("codec", CodecModelId.Hyperprior, 300)]
    [InlineData("codec", CodecModelId.Hcfssnet, 300)]
    [InlineData("codec-variable", CodecModelId.Hyperprior, 350)]
    public void The_estimated_rate_and_psnr_of_a_committed_model_match_its_coded_file(string folder, CodecModelId id, int hundredths)
    {
        var repository = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", ".."));
        var checkpoints = new CodecCheckpoints(Path.Combine(repository, "models", folder));
        var image = PngDecoder.Read(Path.Combine(repository, "data", "images", "astronaut.png"));
        var quality = checkpoints.Choose(id, hundredths);
        var network = checkpoints.Load(id, quality);

        var file = ImageCodec.Compress(network, image, quality);
        var decoded = ImageCodec.Decompress(file, checkpoints.Load);
        var (fileBpp, filePsnr) = (8.0 * file.Length / (image.Width * image.Height), ImageQuality.Psnr(image.ToRgb(), decoded));
        var estimate = CodecRateEstimate.Measure(network, "astronaut.png", image, image.ToRgb(), quality);

        log.WriteLine($"{folder} {CodecModels.Name(id)} q{quality}: file {fileBpp:F5} bpp {filePsnr:F4} dB, estimate {estimate.Bpp:F5} bpp {estimate.Psnr:F4} dB");
        Assert.True(Math.Abs(estimate.Bpp / fileBpp - 1) < 0.02, $"estimated {estimate.Bpp} bpp, file {fileBpp} bpp");
        Assert.True(Math.Abs(estimate.Psnr - filePsnr) < 0.05, $"estimated {estimate.Psnr} dB, file {filePsnr} dB");
        Assert.Equal(ImageQuality.MsSsim(image.ToRgb(), decoded), estimate.MsSsim, 3);
        Assert.Equal((512, 512, quality.Value, (long?)null, (double?)null), (estimate.Width, estimate.Height, estimate.Quality, estimate.Bytes, estimate.DecodeSeconds));
    }
}
