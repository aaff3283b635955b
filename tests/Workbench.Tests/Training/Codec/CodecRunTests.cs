using TorchSharp;
using Workbench.Core.Progress;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using Workbench.Tests.Training;
using Workbench.Training.Codec;
using Workbench.Training.Runs;

namespace Workbench.Tests.Training.Codec;

[Collection(TrainingRunCollection.Name)]
public sealed class CodecRunTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-codec-train-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Pattern(string name, int width, int height, int multiplier)
    {
        var path = Path.Combine(_folder, name);
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i * multiplier % 251);
        PngEncoder.Write(path, new RasterImage(width, height, 3, pixels));
        return path;
    }

    private static CodecExperimentConfig Tiny(IReadOnlyList<string> images, int steps, int checkpointEvery, long seed = 4) => new()
    {
        Name = "tiny",
        Seed = seed,
        Model = new CodecModelConfig { Kind = "hyperprior", N = 8, M = 12 },
        Images = images,
        Quality = 2,
        Lambda = 0.01,
        Steps = steps,
        BatchSize = 2,
        PatchSize = 64,
        Lr = 1e-3,
        CheckpointEvery = checkpointEvery,
    };

    private string Train(CodecExperimentConfig config, string name, bool resume = false, double? maxSeconds = null)
    {
        var run = new RunFolder(Path.Combine(_folder, name));
        CodecRun.Train(config, run, resume, torch.CPU, SilentProgress.Instance, maxSeconds: maxSeconds);
        return run.Root;
    }

    private static LearnedImageCodec LastModel(string run, RateLevels? levels = null)
    {
        var model = CodecModels.Create(CodecModelId.Hyperprior, 8, 12, levels);
        Checkpoint.Load(new RunFolder(run).LastCheckpoint, model, optimizers: []);
        return model;
    }

    private static void AssertSameWeights(LearnedImageCodec expected, LearnedImageCodec actual, string what)
    {
        foreach (var ((name, a), (_, b)) in expected.named_parameters().Zip(actual.named_parameters()))
            Assert.True(a.equal(b).all().item<bool>(), $"{name} differs {what}");
    }

    [Fact]
    public void The_entropy_model_round_trips_through_the_config_and_a_misspelt_one_is_a_one_line_error()
    {
        var config = Tiny(["a.png"], 1, 1) with { Model = new CodecModelConfig { Kind = "hcfssnet", EntropyModel = EntropyModel.MeanScale } };
        var text = config.Serialize();

        Assert.Contains("\"entropy_model\": \"mean_scale\"", text);
        Assert.Equal(EntropyModel.MeanScale, CodecExperimentConfig.Parse(text, "c.json").Model.EntropyModel);
        Assert.Equal(EntropyModel.Scale, CodecExperimentConfig.Parse(text.Replace("\"entropy_model\": \"mean_scale\"", ""), "c.json").Model.EntropyModel);
        var error = Assert.Throws<Workbench.Core.Errors.ConfigException>(() => CodecExperimentConfig.Parse(text.Replace("mean_scale", "mean"), "c.json"));
        Assert.Contains("entropy_model", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void One_seed_reproduces_the_trained_weights_and_the_saved_model_codes_the_same_file()
    {
        var path = Pattern("pattern.png", 96, 80, 37);
        var config = Tiny([path], steps: 3, checkpointEvery: 2) with { SaveTo = Path.Combine(_folder, "models") };

        var first = Train(config, "first");
        var second = Train(config with { SaveTo = null }, "second");

        AssertSameWeights(LastModel(first), LastModel(second), "between runs");
        var saved = new CodecCheckpoints(config.SaveTo!);
        var info = saved.Info(CodecModelId.Hyperprior, 2);
        Assert.Equal((8, 12, 3, 0, "pattern.png"), (info.N, info.M, info.Steps, info.PriorSteps, Assert.Single(info.TrainingImages)));
        var trained = LastModel(second);
        trained.eval();
        trained.EntropyBottleneck.UpdateTables();
        var image = PngDecoder.Read(path);
        Assert.Equal(ImageCodec.Compress(trained, image, 2), ImageCodec.Compress(saved.Load(CodecModelId.Hyperprior, 2), image, 2));
    }

    [Fact]
    public void A_run_stopped_after_a_round_and_resumed_equals_the_uninterrupted_run_bit_for_bit()
    {
        var config = Tiny([Pattern("pattern.png", 96, 80, 37), Pattern("other.png", 80, 72, 11)], steps: 5, checkpointEvery: 2);

        var whole = Train(config, "whole");
        var split = Train(config, "split", maxSeconds: 1e-9);
        var stopped = new RunFolder(split).ReadMetrics();
        Train(config, "split", resume: true);

        Assert.Equal(1, (int)Assert.Single(stopped)["round"]!);
        AssertSameWeights(LastModel(whole), LastModel(split), "after the resume");
        string Line(System.Text.Json.Nodes.JsonObject line) => string.Join(",", line.Where(p => p.Key is not "seconds").Select(p => $"{p.Key}={p.Value}"));
        Assert.Equal(new RunFolder(whole).ReadMetrics().Select(Line), new RunFolder(split).ReadMetrics().Select(Line));
        Assert.Equal([2L, 4L, 5L], new RunFolder(whole).ReadMetrics().Select(m => (long)m["step"]!));
    }

    /// <summary>
    /// A variable-rate run draws each step's quality level from (seed, step): stopped and resumed it equals the
    /// uninterrupted run, and it starts from a fixed-rate model (gains by the step-size rule), counting that model's steps.
    /// </summary>
    [Fact]
    public void A_variable_rate_run_stopped_after_a_round_and_resumed_equals_the_uninterrupted_run_bit_for_bit()
    {
        var images = new[] { Pattern("pattern.png", 96, 80, 37), Pattern("other.png", 80, 72, 11) };
        var start = Path.Combine(_folder, "start");
        Train(Tiny(images, steps: 2, checkpointEvery: 2) with { SaveTo = start }, "start");
        var config = Tiny(images, steps: 5, checkpointEvery: 2) with
        {
            Lambda = 0, Lambdas = [0.005, 0.01, 0.02], InitFrom = start, InitQuality = 2, SaveTo = Path.Combine(_folder, "variable"),
        };
        var levels = new RateLevels(2, 3);

        var whole = Train(config, "whole");
        var split = Train(config with { SaveTo = null }, "split", maxSeconds: 1e-9);
        Train(config with { SaveTo = null }, "split", resume: true);

        var (wholeModel, splitModel) = (LastModel(whole, levels), LastModel(split, levels));
        AssertSameWeights(wholeModel, splitModel, "after the resume");
        var gains = wholeModel.named_parameters().Single(p => p.name == "gain_units.log_gain").parameter;
        var startGains = torch.tensor(GainUnits.StepSizeLogGains(config.Lambdas!, 0.01), torch.ScalarType.Float32).unsqueeze(1);
        Assert.True(gains.ne(startGains).any(1).sum().item<long>() >= 2, "the run trained fewer than two quality levels");
        var info = new CodecCheckpoints(config.SaveTo!).VariableRateInfo(CodecModelId.Hyperprior);
        Assert.Equal((7, 2, 2, 0.0), (info.Steps, info.PriorSteps, info.FirstQuality, info.Lambda));
        Assert.Equal([0.005, 0.01, 0.02], info.Lambdas);
    }

    [Fact]
    public void A_fresh_variable_rate_model_starts_each_level_at_the_step_size_gain_of_the_lambdas_geometric_mean()
    {
        var images = new[] { Pattern("pattern.png", 96, 80, 37) };
        var config = Tiny(images, steps: 1, checkpointEvery: 1) with { Lambda = 0, Lambdas = [0.0025, 0.01, 0.04] };

        var model = CodecTask.Create(config, torch.CPU).Codec;

        var gains = model.named_parameters().Single(p => p.name == "gain_units.log_gain").parameter;
        var inverse = model.named_parameters().Single(p => p.name == "gain_units.log_inverse_gain").parameter;
        // the geometric mean is 0.01, so ln g = ln(lambda / 0.01) / 2 = -ln 2, 0, ln 2
        var expected = torch.tensor(new[] { -Math.Log(2), 0, Math.Log(2) }, torch.ScalarType.Float32).unsqueeze(1).expand_as(gains);
        Assert.True(gains.allclose(expected, rtol: 0, atol: 1e-7), "log gains");
        Assert.True(inverse.allclose(-expected, rtol: 0, atol: 1e-7), "log inverse gains");
    }

    [Fact]
    public void The_order_the_images_are_given_in_does_not_change_the_patches_one_seed_draws()
    {
        var (lower, upper, other) = (Pattern("b.png", 80, 72, 37), Pattern("B.png", 80, 72, 11), Pattern("a.png", 80, 72, 53));
        LearnedImageCodec TrainOn(string[] images, string name) => LastModel(Train(Tiny(images, steps: 2, checkpointEvery: 2, seed: 9), name));

        var ordinal = TrainOn([upper, other, lower], "ordinal");
        var reversed = TrainOn([lower, other, upper], "reversed");
        var folder = TrainOn([_folder], "folder");

        Assert.Equal(["B.png", "a.png", "b.png"], TrainingImages.Resolve([lower, other, upper]).Select(Path.GetFileName));
        AssertSameWeights(ordinal, reversed, "with the images reversed");
        AssertSameWeights(ordinal, folder, "with the folder named instead of its files");
    }

    [Fact]
    public void A_time_budget_ends_the_run_after_the_round_that_reaches_it_and_saves_nothing_to_the_models_folder()
    {
        var config = Tiny([Pattern("flat.png", 64, 64, 1)], steps: 50, checkpointEvery: 1) with { SaveTo = Path.Combine(_folder, "models") };
        var run = new RunFolder(Path.Combine(_folder, "budget"));

        var summary = CodecRun.Train(config, run, resume: false, torch.CPU, SilentProgress.Instance, maxSeconds: 1e-9);

        Assert.Equal(1L, (long)summary["steps"]!);
        Assert.StartsWith("time budget", (string)summary["stopped_by"]!);
        Assert.Equal(1, Checkpoint.Load(run.LastCheckpoint, CodecModels.Create(CodecModelId.Hyperprior, 8, 12), optimizers: []).Epoch);
        Assert.False(Directory.Exists(config.SaveTo));
    }
}
