using TorchSharp;
using Workbench.Codec.Entropy.Container;
using Workbench.Core.Errors;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using Workbench.Tests.Training;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Codec;

// Sets the process-wide thread count: run alone.
[Collection(TrainingRunCollection.Name)]
public sealed class MeanScaleEntropyModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-mean-scale-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static LearnedImageCodec Tiny(CodecModelId id, int seed, EntropyModel entropyModel) => id == CodecModelId.Hyperprior
        ? ScaleHyperpriorTests.Tiny(seed, entropyModel)
        : HcfssnetTests.Tiny(seed, entropyModel);

    private static CodecCheckpointInfo Info(EntropyModel entropyModel) => new(8, 12, 0.0067, 5, 1, 64, 1e-4, 0, [], 0, EntropyModel: entropyModel);

    [Fact]
    public void The_mean_scale_model_adds_only_the_mean_head_and_starts_its_other_layers_alike()
    {
        var scale = Tiny(CodecModelId.Hcfssnet, 1, EntropyModel.Scale).state_dict();
        var meanScale = Tiny(CodecModelId.Hcfssnet, 1, EntropyModel.MeanScale).state_dict();

        Assert.Equal(["h_m.bias", "h_m.weight"], meanScale.Keys.Except(scale.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(scale.Keys.Except(meanScale.Keys));
        foreach (var (name, tensor) in scale) Assert.True(tensor.equal(meanScale[name]).all().item<bool>(), $"{name} starts elsewhere");
    }

    [Fact]
    public void The_rate_distortion_loss_reaches_the_mean_head()
    {
        var model = ScaleHyperpriorTests.Tiny(2, EntropyModel.MeanScale);
        model.train();
        var x = rand([1, 3, 64, 64], generator: new Generator(3));
        using var output = model.forward(x);
        (-(output.YLikelihoods.log2().sum() + output.ZLikelihoods.log2().sum()) / (64 * 64) + 100 * (output.Reconstruction - x).square().mean()).backward();
        foreach (var (name, p) in model.named_parameters().Where(p => !p.name.EndsWith("quantiles")))
            Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0, $"{name} has no gradient");
    }

    /// <summary>
    /// Oracle: y quantised around the means that the torch layers give in float64 from the decoder's z_hat, i.e.
    /// round(y - mu) + mu, which <see cref="LearnedImageCodec.LatentLikelihoods"/> returns in evaluation.
    /// </summary>
    [Theory]
    [InlineData(CodecModelId.Hyperprior)]
    [InlineData(CodecModelId.Hcfssnet)]
    public void The_decoded_latent_is_y_quantised_around_the_means_of_the_torch_layers(CodecModelId id)
    {
        var model = Tiny(id, 4, EntropyModel.MeanScale);
        model.eval();
        using var _ = no_grad();
        var y = model.Analysis(ImageTensors.Pad(ImageTensors.ToTensor(ImageCodecTests.Image(64, 128, 5)), 64));
        var codec = model.LatentCodec;
        var decoded = codec.Decompress(codec.Compress(y), 8, 4).data<double>().ToArray();
        var z = model.HyperAnalysis(y);
        var (_, zHat) = model.EntropyBottleneck.Compress(z);

        model.to(ScalarType.Float64);
        var (expected, _) = model.LatentLikelihoods(y.to(ScalarType.Float64), tensor(zHat, z.shape));
        var oracle = expected.data<double>().ToArray();

        Assert.Equal(oracle.Length, decoded.Length);
        for (var i = 0; i < oracle.Length; i++) Assert.Equal(oracle[i], decoded[i], 1e-9);
        Assert.Contains(decoded, v => Math.Abs(v - Math.Round(v)) > 0.01);
    }

    [Theory]
    [InlineData(CodecModelId.Hyperprior)]
    [InlineData(CodecModelId.Hcfssnet)]
    public void A_mean_scale_file_is_bit_exact_across_thread_counts_and_names_its_entropy_model(CodecModelId id)
    {
        var image = ImageCodecTests.Image(90, 64, 6);
        var threads = get_num_threads();
        try
        {
            var files = new List<byte[]>();
            var pixels = new List<byte[]>();
            foreach (var count in new[] { 1, 2 })
            {
                set_num_threads(count);
                var model = Tiny(id, 7, EntropyModel.MeanScale);
                files.Add(ImageCodec.Compress(model, image, 2));
                pixels.Add(ImageCodec.Decompress(files[^1], (_, _) => Tiny(id, 7, EntropyModel.MeanScale)).Pixels);
            }

            Assert.Equal(files[0], files[1]);
            Assert.Equal(pixels[0], pixels[1]);
            Assert.Equal(0x10 | (int)id, CodecFileFormat.Read(files[0]).ModelId);
            var refused = Assert.Throws<DataFileException>(() => ImageCodec.Decompress(files[0], (_, _) => Tiny(id, 7, EntropyModel.Scale)));
            Assert.Contains("mean_scale entropy model", refused.Message);
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    [Fact]
    public void A_scale_checkpoint_starts_a_mean_scale_model_that_codes_exactly_as_the_scale_model()
    {
        var scale = ScaleHyperpriorTests.Tiny(8);
        new CodecCheckpoints(_folder).Save(3, scale, Info(EntropyModel.Scale));

        var started = CodecCheckpoints.LoadWeights(_folder, CodecModelId.Hyperprior, 3, 8, 12, EntropyModel.MeanScale);

        Assert.Equal(EntropyModel.MeanScale, started.EntropyModel);
        var image = ImageCodecTests.Image(100, 70, 9);
        var (scaleFile, startedFile) = (CodecFileFormat.Read(ImageCodec.Compress(scale, image, 3)), CodecFileFormat.Read(ImageCodec.Compress(started, image, 3)));
        Assert.Equal((1, 0x11), (scaleFile.ModelId, startedFile.ModelId));
        Assert.Equal(scaleFile.Streams, startedFile.Streams);
    }

    [Fact]
    public void Checkpoints_name_the_entropy_model_only_when_it_is_mean_scale_and_a_mean_scale_one_starts_no_scale_model()
    {
        var scaleFolder = Path.Combine(_folder, "scale");
        var meanFolder = Path.Combine(_folder, "mean");
        new CodecCheckpoints(scaleFolder).Save(3, ScaleHyperpriorTests.Tiny(10), Info(EntropyModel.Scale));
        var model = ScaleHyperpriorTests.Tiny(10, EntropyModel.MeanScale);
        new CodecCheckpoints(meanFolder).Save(3, model, Info(EntropyModel.MeanScale));

        Assert.DoesNotContain("entropy_model", File.ReadAllText(Path.Combine(scaleFolder, "hyperprior-q3.json")));
        Assert.Contains("\"entropy_model\": \"mean_scale\"", File.ReadAllText(Path.Combine(meanFolder, "hyperprior-q3.json")));
        var loaded = new CodecCheckpoints(meanFolder).Load(CodecModelId.Hyperprior, 3);
        var image = ImageCodecTests.Image(64, 64, 11);
        Assert.Equal(ImageCodec.Compress(model, image, 3), ImageCodec.Compress(loaded, image, 3));
        var refused = Assert.Throws<ConfigException>(() => CodecCheckpoints.LoadWeights(meanFolder, CodecModelId.Hyperprior, 3, 8, 12, EntropyModel.Scale));
        Assert.Contains("cannot start a scale model", refused.Message);
    }
}
