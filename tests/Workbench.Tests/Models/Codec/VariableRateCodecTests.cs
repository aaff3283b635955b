using Workbench.Codec.Entropy.Container;
using Workbench.Core.Errors;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using Workbench.Tests.Training;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Codec;

[Collection(TrainingRunCollection.Name)]
public sealed class VariableRateCodecTests : IDisposable
{
    internal static readonly RateLevels Levels = new(FirstQuality: 2, Count: 3);
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-variable-rate-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CodecQuality Variable(int hundredths) => new(hundredths, VariableRate: true);

    /// <summary>The tiny hyperprior's weights with gain units for <see cref="Levels"/>: random log-gains, or every gain 1.</summary>
    internal static ScaleHyperprior Tiny(int seed, bool unitGains = false)
    {
        var model = new ScaleHyperprior(new ScaleHyperpriorOptions(N: 8, M: 12, Levels));
        CopyInto(model, ScaleHyperpriorTests.Tiny(seed), seed, unitGains);
        return model;
    }

    private static Hcfssnet TinyHcfssnet(int seed)
    {
        manual_seed(seed);
        var model = new Hcfssnet(HcfssnetTests.TinyOptions with { RateLevels = Levels });
        using (no_grad())
            model.named_parameters().Single(p => p.name == "h_s.4.bias").parameter.fill_(0.5);
        model.EntropyBottleneck.UpdateTables();
        CopyInto(model, model, seed, unitGains: false);
        return model;
    }

    private static void CopyInto(LearnedImageCodec model, LearnedImageCodec source, int seed, bool unitGains)
    {
        var state = model.state_dict();
        var generator = new Generator((ulong)seed + 100);
        using var _ = no_grad();
        foreach (var (name, tensor) in source.state_dict()) state[name].copy_(tensor);
        if (unitGains) return;
        foreach (var (name, parameter) in model.named_parameters().Where(p => p.name.StartsWith("gain_units.")))
            parameter.copy_(randn(parameter.shape, generator: generator) * 0.4);
    }

    private static double[] Values(Tensor t) => t.to(ScalarType.Float64).flatten().data<double>().ToArray();

    [Fact]
    public void Gains_are_the_exponentials_of_their_rows_at_the_levels_and_interpolate_exponentially_between_them()
    {
        var model = Tiny(1);
        var logs = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var (gains, inverse) = (Values(logs["gain_units.log_gain"]).Chunk(12).ToArray(), Values(logs["gain_units.log_inverse_gain"]).Chunk(12).ToArray());

        Assert.True(model.Gains!.Gain(Variable(300)).equal(logs["gain_units.log_gain"][1].exp().reshape(1, 12, 1, 1)).all().item<bool>());
        foreach (var (hundredths, level, l) in new[] { (250, 0, 0.5), (325, 1, 0.25), (399, 1, 0.99) })
        {
            // g = g_i^(1 - l) g_(i+1)^l, in float64 from the float32 log-gains.
            var expected = Enumerable.Range(0, 12).Select(c => Math.Pow(Math.Exp(gains[level][c]), 1 - l) * Math.Pow(Math.Exp(gains[level + 1][c]), l));
            var expectedInverse = Enumerable.Range(0, 12).Select(c => Math.Pow(Math.Exp(inverse[level][c]), 1 - l) * Math.Pow(Math.Exp(inverse[level + 1][c]), l));
            foreach (var (a, b) in expected.Zip(Values(model.Gains.Gain(Variable(hundredths))))) Assert.Equal(a, b, a * 1e-6);
            foreach (var (a, b) in expectedInverse.Zip(Values(model.Gains.InverseGain(Variable(hundredths))))) Assert.Equal(a, b, a * 1e-6);
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Gains.Gain(Variable(199)));
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Gains.Gain(Variable(401)));
    }

    /// <summary>
    /// Oracle: the fixed-rate checkpoint itself at the level of its lambda (gains of 1 there), and the step-size rule
    /// ln g = ln(lambda / lambda_0) / 2 written out at the other levels.
    /// </summary>
    [Fact]
    public void A_model_warm_started_from_a_fixed_rate_checkpoint_codes_its_quality_as_the_checkpoint_and_scales_the_other_steps()
    {
        var fixedRate = ScaleHyperpriorTests.Tiny(21);
        new CodecCheckpoints(_folder).Save(3, fixedRate, new CodecCheckpointInfo(8, 12, 0.0067, 40, 1, 64, 1e-4, 0, [], 0));
        var variable = CodecCheckpoints.LoadWeights(_folder, CodecModelId.Hyperprior, 3, 8, 12, levels: Levels, lambdas: [0.0035, 0.0067, 0.013]);
        var image = ImageCodecTests.Image(90, 70, 4);

        var logs = variable.named_parameters().ToDictionary(p => p.name, p => Values(p.parameter));
        var expected = new[] { Math.Log(0.0035 / 0.0067) / 2, 0, Math.Log(0.013 / 0.0067) / 2 };
        for (var level = 0; level < 3; level++)
        {
            Assert.All(logs["gain_units.log_gain"].Skip(12 * level).Take(12), g => Assert.Equal(expected[level], g, 1e-6));
            Assert.All(logs["gain_units.log_inverse_gain"].Skip(12 * level).Take(12), g => Assert.Equal(-expected[level], g, 1e-6));
        }
        Assert.Equal(fixedRate.Compress(image), variable.Compress(image, Variable(300)));
        Assert.NotEqual(fixedRate.Compress(image), variable.Compress(image, Variable(275)));
    }

    [Fact]
    public void Decoding_gives_exactly_the_models_quantised_reconstruction_at_a_fractional_quality()
    {
        var model = Tiny(11);
        var image = ImageCodecTests.Image(100, 70, 1);

        var bytes = ImageCodec.Compress(model, image, Variable(263));
        CodecQuality? asked = null;
        var decoded = ImageCodec.Decompress(bytes, (_, quality) => { asked = quality; return model; });

        model.eval();
        using var _ = no_grad();
        using var output = model.forward(ImageTensors.Pad(ImageTensors.ToTensor(image), 64), Variable(263));
        Assert.Equal(Variable(263), asked);
        Assert.Equal(ImageTensors.ToImage(output.Reconstruction, 100, 70).Pixels, decoded.Pixels);
        Assert.NotEqual(bytes, ImageCodec.Compress(model, image, Variable(264)));
    }

    [Theory]
    [InlineData(CodecModelId.Hyperprior)]
    [InlineData(CodecModelId.Hcfssnet)]
    public void The_same_image_and_quality_give_the_same_file_and_pixels_across_runs_and_thread_counts(CodecModelId id)
    {
        LearnedImageCodec Model() => id == CodecModelId.Hyperprior ? Tiny(12) : TinyHcfssnet(12);
        var model = Model();
        var image = ImageCodecTests.Image(64, 128, 2);
        var threads = get_num_threads();
        try
        {
            set_num_threads(1);
            var one = ImageCodec.Compress(model, image, Variable(337));
            var decodedOne = ImageCodec.Decompress(one, (_, _) => model);
            set_num_threads(2);
            var two = ImageCodec.Compress(model, image, Variable(337));
            var decodedTwo = ImageCodec.Decompress(two, (_, _) => model);
            Assert.Equal(one, two);
            Assert.Equal(decodedOne.Pixels, decodedTwo.Pixels);
            Assert.Equal(one, ImageCodec.Compress(Model(), image, Variable(337)));
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    [Fact]
    public void A_thousand_mutated_variable_rate_files_each_give_an_error_or_an_image_quickly()
    {
        var model = Tiny(13);
        ImageCodecTests.AssertMutantsDecodeOrFailInOneLine(ImageCodec.Compress(model, ImageCodecTests.Image(64, 64, 3), Variable(350)), model, seed: 22);
    }

    [Fact]
    public void A_file_of_the_other_kind_of_model_or_a_quality_outside_the_levels_is_a_one_line_error()
    {
        var (variable, fixedRate) = (Tiny(14), ScaleHyperpriorTests.Tiny(14));
        var image = ImageCodecTests.Image(64, 64, 5);
        var variableFile = ImageCodec.Compress(variable, image, Variable(300));
        var fixedFile = ImageCodec.Compress(fixedRate, image, 3);
        var outside = CodecFileFormat.Write(CodecFileFormat.Read(variableFile) with { Quality = 4, QualityHundredths = 1 });

        Assert.Equal("codec file was coded by a variable-rate model, the model given is fixed-rate",
            Assert.Throws<DataFileException>(() => ImageCodec.Decompress(variableFile, (_, _) => fixedRate)).Message);
        Assert.Equal("codec file was coded by a fixed-rate model, the model given is variable-rate",
            Assert.Throws<DataFileException>(() => ImageCodec.Decompress(fixedFile, (_, _) => variable)).Message);
        Assert.Equal("codec file has quality 4.01, outside the variable-rate model's qualities 2..4",
            Assert.Throws<DataFileException>(() => ImageCodec.Decompress(outside, (_, _) => variable)).Message);
        Assert.Equal("codec: the variable-rate hyperprior model covers qualities 2..4, not quality 4.5",
            Assert.Throws<ConfigException>(() => ImageCodec.Compress(variable, image, Variable(450))).Message);
    }

    /// <summary>Oracle: the model in memory after saving (its weights rounded to float16, its tables rebuilt from them).</summary>
    [Fact]
    public void A_saved_variable_rate_model_codes_as_it_did_in_memory_and_a_folder_with_one_codes_every_quality_with_it()
    {
        var checkpoints = new CodecCheckpoints(_folder);
        var model = Tiny(15);
        checkpoints.Save(3, ScaleHyperpriorTests.Tiny(16), new CodecCheckpointInfo(8, 12, 0.0067, 0, 1, 64, 1e-4, 0, [], 0));
        Assert.Equal(new CodecQuality(300, false), checkpoints.Choose(CodecModelId.Hyperprior, 300));
        Assert.Equal($"codec: quality 2.5 needs a variable-rate hyperprior model, and {_folder} has none",
            Assert.Throws<ConfigException>(() => checkpoints.Choose(CodecModelId.Hyperprior, 250)).Message);

        checkpoints.SaveVariableRate(model, new CodecCheckpointInfo(8, 12, 0, 10, 1, 64, 1e-4, 0, [], 0, WeightBits: 16, Lambdas: [0.004, 0.008, 0.016], FirstQuality: 2));
        var image = ImageCodecTests.Image(70, 64, 6);
        var file = ImageCodec.Compress(checkpoints.Load(CodecModelId.Hyperprior, checkpoints.Choose(CodecModelId.Hyperprior, 250)), image, Variable(250));

        Assert.Equal(Variable(300), checkpoints.Choose(CodecModelId.Hyperprior, 300));
        Assert.Equal(ImageCodec.Compress(model, image, Variable(250)), file);
        Assert.Equal(ImageCodec.Decompress(file, (_, _) => model).Pixels, ImageCodec.Decompress(file, checkpoints.Load).Pixels);
        var json = File.ReadAllText(Path.Combine(_folder, "hyperprior-variable.json"));
        Assert.Contains("\"first_quality\": 2", json);
        Assert.DoesNotContain("lambdas", File.ReadAllText(Path.Combine(_folder, "hyperprior-q3.json")));
        Assert.DoesNotContain("first_quality", File.ReadAllText(Path.Combine(_folder, "hyperprior-q3.json")));
        Assert.Equal([0.004, 0.008, 0.016], checkpoints.VariableRateInfo(CodecModelId.Hyperprior).Lambdas);
    }
}
