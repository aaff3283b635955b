using System.Text.Json.Nodes;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using Workbench.Tests.Data.Images;
using Workbench.Tests.Models.Codec;
using Workbench.Training.Codec;

namespace Workbench.Tests.Cli;

// The CLI sets process-wide TorchSharp state (threads, seed): run alone.
[Collection(Training.TrainingRunCollection.Name)]
public sealed class CodecCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-codec-").FullName;
    private readonly string _models;
    private readonly string _png;
    private readonly ScaleHyperprior _model = ScaleHyperpriorTests.Tiny(31);

    public CodecCommandTests()
    {
        _models = Path.Combine(_folder, "models");
        new CodecCheckpoints(_models).Save(3, _model, new CodecCheckpointInfo(8, 12, 0.0067, 0, 1, 64, 1e-4, 0, [], 0));
        var pixels = new byte[180 * 200 * 3];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(128 + 100 * Math.Sin(i * 0.001) + i % 7);
        Directory.CreateDirectory(Path.Combine(_folder, "images"));
        _png = Path.Combine(_folder, "images", "wave.png");
        PngEncoder.Write(_png, new RasterImage(180, 200, 3, pixels));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [MemberData(nameof(ImageDecoderTests.RefusedFiles), MemberType = typeof(ImageDecoderTests))]
    public void A_file_that_is_not_a_whole_png_or_jpeg_is_a_one_line_user_error(string file)
    {
        var path = ImageDecoderTests.PathOf(file);
        var wbc = Path.Combine(_folder, "refused.wbc");
        var result = CliRunner.Run("codec", "compress", path, wbc, "--quality", "3", "--models", _models);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {path}: {ImageDecoderTests.RefusedInput(file).Error}", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(wbc));
    }

    [Fact]
    public void An_image_wider_than_the_codec_file_holds_is_a_one_line_user_error()
    {
        var wide = Path.Combine(_folder, "wide.png");
        PngEncoder.Write(wide, new RasterImage(65536, 1, 1, new byte[65536]));
        var wbc = Path.Combine(_folder, "wide.wbc");
        var result = CliRunner.Run("codec", "compress", wide, wbc, "--quality", "3", "--models", _models);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {wide}: 65536 x 1 image: codec files hold sides up to 65535 pixels", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(wbc));
    }

    /// <summary>Oracle: the library compressing the RGB image the fixture script states for the input.</summary>
    [Theory]
    [MemberData(nameof(ImageDecoderTests.AcceptedFiles), MemberType = typeof(ImageDecoderTests))]
    public void Every_accepted_input_is_compressed_as_its_stated_rgb_image(string file)
    {
        var expected = ImageDecoderTests.AcceptedInput(file);
        var wbc = Path.Combine(_folder, "accepted.wbc");
        var result = CliRunner.Run("codec", "compress", ImageDecoderTests.PathOf(file), wbc, "--quality", "3", "--models", _models);
        Assert.True(result.ExitCode == 0, result.Error);
        var rgb = new RasterImage(expected.Width, expected.Height, 3, expected.Rgb);
        Assert.Equal(ImageCodec.Compress(_model, rgb, 3), File.ReadAllBytes(wbc));
    }

    [Fact]
    public void A_folder_that_refuses_the_output_is_a_one_line_user_error()
    {
        var result = CliRunner.Run("codec", "compress", _png, "/proc/wave.wbc", "--quality", "3", "--models", _models);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: cannot write /proc/wave.wbc: its folder does not accept new files", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void Compress_then_decompress_gives_the_library_round_trip()
    {
        var wbc = Path.Combine(_folder, "wave.wbc");
        var back = Path.Combine(_folder, "back.png");
        var compress = CliRunner.Run("codec", "compress", _png, wbc, "--quality", "3", "--models", _models);
        Assert.True(compress.ExitCode == 0, compress.Error);
        var decompress = CliRunner.Run("codec", "decompress", wbc, back, "--models", _models);
        Assert.True(decompress.ExitCode == 0, decompress.Error);

        var image = PngDecoder.Read(_png);
        var bytes = ImageCodec.Compress(_model, image, 3);
        Assert.Equal(bytes, File.ReadAllBytes(wbc));
        Assert.Equal(ImageCodec.Decompress(bytes, (_, _) => _model).Pixels, PngDecoder.Read(back).Pixels);
    }

    /// <summary>Oracle: the library coding with the tiny model's weights rounded to float16 in memory (the kept ones not).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Convert_stores_float16_weights_that_code_as_their_rounding(bool everyTensor)
    {
        var half = Path.Combine(_folder, "half");
        string[] convert = ["codec", "convert", "--models", _models, "--out", half, "--weight-bits", "16"];
        var result = CliRunner.Run(everyTensor ? [.. convert, "--keep-float32"] : convert);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("hyperprior-q3: 16-bit weights in " + half, Assert.Single(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(16, new CodecCheckpoints(half).Info(CodecModelId.Hyperprior, 3).WeightBits);

        var rounded = ScaleHyperpriorTests.Tiny(31);
        using (TorchSharp.torch.no_grad())
            foreach (var (name, tensor) in rounded.state_dict())
                tensor.copy_(CompactCodecWeightsTests.Stored(name, tensor, everyTensor ? [] : CompactCodecWeights.KeptFloat32));
        // The stored coding tables are those the rounded weights rebuild.
        rounded.EntropyBottleneck.UpdateTables();
        var wbc = Path.Combine(_folder, "half.wbc");
        Assert.Equal(0, CliRunner.Run("codec", "compress", _png, wbc, "--quality", "3", "--models", half).ExitCode);
        Assert.Equal(ImageCodec.Compress(rounded, PngDecoder.Read(_png), 3), File.ReadAllBytes(wbc));
        Assert.True(new FileInfo(Path.Combine(half, "hyperprior-q3.dat")).Length < new FileInfo(Path.Combine(_models, "hyperprior-q3.dat")).Length);
    }

    [Fact]
    public void Evaluate_reports_rate_from_the_file_size_and_the_decoded_quality()
    {
        var json = Path.Combine(_folder, "rd.json");
        var result = CliRunner.Run("codec", "evaluate", "--images", Path.GetDirectoryName(_png)!, "--json", json, "--models", _models);
        Assert.True(result.ExitCode == 0, result.Error);
        var row = JsonNode.Parse(File.ReadAllText(json))!["results"]!.AsArray().Single()!;
        var image = PngDecoder.Read(_png);
        var bytes = ImageCodec.Compress(_model, image, 3);
        Assert.Equal(3, (int)row["quality"]!);
        Assert.Equal(bytes.Length, (long)row["bytes"]!);
        Assert.Equal(8.0 * bytes.Length / (180 * 200), (double)row["bpp"]!, 12);
        Assert.Equal(ImageQuality.Psnr(image, ImageCodec.Decompress(bytes, (_, _) => _model)), (double)row["psnr"]!, 9);
    }

    [Theory]
    [InlineData("corrupt", "checksum")]
    [InlineData("png", "bad magic")]
    [InlineData("missing", "no such codec file")]
    public void Bad_codec_files_are_one_line_errors_and_leave_no_output(string kind, string mentions)
    {
        var wbc = Path.Combine(_folder, "bad.wbc");
        var bytes = ImageCodec.Compress(_model, PngDecoder.Read(_png), 3);
        if (kind == "corrupt") { bytes[bytes.Length / 2] ^= 0x10; File.WriteAllBytes(wbc, bytes); }
        if (kind == "png") File.Copy(_png, wbc);
        var back = Path.Combine(_folder, "out.png");

        var result = CliRunner.Run("codec", "decompress", wbc, back, "--models", _models);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: ", Assert.Single(result.ErrorLines));
        Assert.Contains(mentions, result.Error);
        Assert.False(File.Exists(back));
    }

    [Fact]
    public void Training_continues_from_a_checkpoint_and_counts_its_steps()
    {
        var start = Path.Combine(_folder, "start");
        new CodecCheckpoints(start).Save(3, _model, new CodecCheckpointInfo(8, 12, 0.0067, 5, 1, 64, 1e-4, 0, [], 2.5));
        var continued = Path.Combine(_folder, "continued");
        // A vanishing learning rate leaves the weights where training started, so the result shows which model that was.
        string[] train = ["codec", "train", "--images", _png, "--quality", "3", "--lambda", "0.0067", "--steps", "2", "--batch", "1",
            "--patch", "64", "--lr", "1e-30", "--aux-lr", "1e-30"];

        var result = CliRunner.Run([.. train, "--from", start, "--models", continued, "--out", Path.Combine(_folder, "run-continued")]);

        Assert.Equal(0, result.ExitCode);
        var info = new CodecCheckpoints(continued).Info(CodecModelId.Hyperprior, 3);
        Assert.Equal((8, 12, 7, 5), (info.N, info.M, info.Steps, info.PriorSteps));
        Assert.True(info.TrainingSeconds >= 2.5);
        var model = new CodecCheckpoints(continued).Load(CodecModelId.Hyperprior, 3);
        foreach (var ((name, a), (_, b)) in model.named_parameters().Zip(_model.named_parameters()))
            Assert.True(a.allclose(b, rtol: 0, atol: 1e-20), $"{name} moved away from the checkpoint");

        var fresh = Path.Combine(_folder, "fresh");
        Assert.Equal(0, CliRunner.Run([.. train, "--n", "8", "--m", "12", "--models", fresh, "--out", Path.Combine(_folder, "run-fresh")]).ExitCode);
        var scratch = new CodecCheckpoints(fresh);
        Assert.Equal((2, 0), (scratch.Info(CodecModelId.Hyperprior, 3).Steps, scratch.Info(CodecModelId.Hyperprior, 3).PriorSteps));
        Assert.Contains(scratch.Load(CodecModelId.Hyperprior, 3).named_parameters().Zip(_model.named_parameters()),
            pair => !pair.First.parameter.allclose(pair.Second.parameter, rtol: 0, atol: 1e-20));
    }

    /// <summary>
    /// Oracle: at a vanishing learning rate the variable-rate model keeps the fixed-rate start's weights, and the level of
    /// the start's lambda (quality 3) its gains of 1, so its quality-3 file holds the streams of the fixed-rate q3 file;
    /// a fractional quality's file decodes, without a quality flag, to what the saved model decodes at that quality.
    /// </summary>
    [Fact]
    public void A_variable_rate_model_warm_started_by_train_codes_a_fractional_quality_that_decompress_reads_from_the_file()
    {
        var variable = Path.Combine(_folder, "variable");
        var train = CliRunner.Run("codec", "train", "--images", _png, "--quality", "2", "--lambdas", "0.0035", "0.0067", "0.013", "--steps", "2",
            "--batch", "1", "--patch", "64", "--lr", "1e-30", "--aux-lr", "1e-30", "--from", _models, "--from-quality", "3", "--models", variable,
            "--out", Path.Combine(_folder, "run-variable"));
        Assert.True(train.ExitCode == 0, train.Error);
        Assert.Contains($"saved hyperprior-variable to {variable} after 2 steps", train.Output + train.Error);
        var (wbc, back, whole, wholeBack) = (Path.Combine(_folder, "wave.wbc"), Path.Combine(_folder, "back.png"),
            Path.Combine(_folder, "whole.wbc"), Path.Combine(_folder, "whole.png"));

        var compress = CliRunner.Run("codec", "compress", _png, wbc, "--quality", "3.25", "--models", variable);
        var decompress = CliRunner.Run("codec", "decompress", wbc, back, "--models", variable);
        var compressWhole = CliRunner.Run("codec", "compress", _png, whole, "--quality", "3", "--models", variable);
        var decompressWhole = CliRunner.Run("codec", "decompress", whole, wholeBack, "--models", variable);

        Assert.True(compress.ExitCode == 0 && decompress.ExitCode == 0, compress.Error + decompress.Error);
        Assert.True(compressWhole.ExitCode == 0 && decompressWhole.ExitCode == 0, compressWhole.Error + decompressWhole.Error);
        Assert.Contains("quality 3.25, variable rate", compress.Output);
        var file = Workbench.Codec.Entropy.Container.CodecFileFormat.Read(File.ReadAllBytes(wbc));
        var fixedFile = ImageCodec.Compress(_model, PngDecoder.Read(_png), 3);
        Assert.Equal(((byte)3, (byte?)25), (file.Quality, file.QualityHundredths));
        Assert.Equal(Workbench.Codec.Entropy.Container.CodecFileFormat.Read(fixedFile).Streams,
            Workbench.Codec.Entropy.Container.CodecFileFormat.Read(File.ReadAllBytes(whole)).Streams);
        Assert.Equal(ImageCodec.Decompress(fixedFile, (_, _) => _model).Pixels, PngDecoder.Read(wholeBack).Pixels);
        var saved = new CodecCheckpoints(variable);
        var expected = ImageCodec.Decompress(File.ReadAllBytes(wbc), (id, quality) => saved.Load(id, quality));
        Assert.Equal(expected.Pixels, PngDecoder.Read(back).Pixels);
        Assert.NotEqual(file.Streams, Workbench.Codec.Entropy.Container.CodecFileFormat.Read(fixedFile).Streams);
        var info = saved.VariableRateInfo(CodecModelId.Hyperprior);
        Assert.Equal((2, 2, 3), (info.Steps, info.FirstQuality, info.Lambdas!.Count));
    }

    [Theory]
    [InlineData("2.5", "quality 2.5 needs a variable-rate hyperprior model, and MODELS has none")]
    [InlineData("3.125", "a quality is a number in 1..255 with at most two decimals, got 3.125")]
    public void A_fractional_quality_without_a_variable_rate_model_or_with_three_decimals_is_a_one_line_error(string quality, string message)
    {
        var wbc = Path.Combine(_folder, "fraction.wbc");
        var result = CliRunner.Run("codec", "compress", _png, wbc, "--quality", quality, "--models", _models);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: codec: {message.Replace("MODELS", _models)}", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(wbc));
    }

    [Fact]
    public void A_mean_scale_model_starts_from_a_scale_checkpoint_with_zero_means_and_keeps_its_entropy_model()
    {
        var start = Path.Combine(_folder, "start");
        new CodecCheckpoints(start).Save(3, _model, new CodecCheckpointInfo(8, 12, 0.0067, 5, 1, 64, 1e-4, 0, [], 2.5));
        var (meanScale, again) = (Path.Combine(_folder, "mean-scale"), Path.Combine(_folder, "again"));
        string[] train = ["codec", "train", "--images", _png, "--quality", "3", "--lambda", "0.0067", "--steps", "2", "--batch", "1",
            "--patch", "64", "--lr", "1e-30", "--aux-lr", "1e-30"];

        var result = CliRunner.Run([.. train, "--from", start, "--entropy-model", "mean_scale", "--models", meanScale, "--out", Path.Combine(_folder, "run-mean")]);

        Assert.Equal(0, result.ExitCode);
        var info = new CodecCheckpoints(meanScale).Info(CodecModelId.Hyperprior, 3);
        Assert.Equal((EntropyModel.MeanScale, 7, 5), (info.EntropyModel, info.Steps, info.PriorSteps));
        var started = new CodecCheckpoints(meanScale).Load(CodecModelId.Hyperprior, 3).named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, p) in _model.named_parameters())
            Assert.True(started[name].allclose(p, rtol: 0, atol: 1e-20), $"{name} was not copied from the scale checkpoint");
        // The mean head started at zero and moved by at most the vanishing learning rate.
        Assert.True(started["h_m.weight"].abs().max().item<float>() + started["h_m.bias"].abs().max().item<float>() < 1e-20, "the mean head did not start at zero");

        Assert.Equal(0, CliRunner.Run([.. train, "--from", meanScale, "--models", again, "--out", Path.Combine(_folder, "run-again")]).ExitCode);
        Assert.Equal(EntropyModel.MeanScale, new CodecCheckpoints(again).Info(CodecModelId.Hyperprior, 3).EntropyModel);
        var refused = CliRunner.Run([.. train, "--from", meanScale, "--entropy-model", "scale", "--models", again, "--out", Path.Combine(_folder, "run-scale")]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("cannot start a scale model", Assert.Single(refused.ErrorLines));
    }

    [Theory]
    [InlineData("--quality 4", "no trained hyperprior model for quality 4")]
    [InlineData("--quality 3 --n 16", "--n 16 --m 96 differ from the checkpoint")]
    public void Continuing_from_a_missing_or_different_checkpoint_is_a_one_line_error(string arguments, string mentions)
    {
        var output = Path.Combine(_folder, "continued");
        var result = CliRunner.Run(["codec", "train", "--images", _png, "--lambda", "0.0067", "--steps", "1", "--patch", "64",
            "--from", _models, "--models", output, "--out", Path.Combine(_folder, "run"), .. arguments.Split(' ')]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(mentions, Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void A_quality_without_a_trained_model_is_a_one_line_error()
    {
        var wbc = Path.Combine(_folder, "q7.wbc");
        var result = CliRunner.Run("codec", "compress", _png, wbc, "--quality", "7", "--models", _models);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no trained hyperprior model for quality 7", Assert.Single(result.ErrorLines));
        Assert.Contains("available: 3", result.Error);
        Assert.False(File.Exists(wbc));
    }

    private string CodecExperiment(string extra = "")
    {
        var path = Path.Combine(_folder, "codec.json");
        File.WriteAllText(path, $$"""
            { "task": "codec", "name": "tiny-codec", "seed": 3, "model": { "kind": "hyperprior", "n": 8, "m": 12 },
              "images": ["{{Path.GetDirectoryName(_png)}}"], "quality": 3, "lambda": 0.0067, "steps": 4, "batch_size": 1,
              "patch_size": 64, "lr": 0.001, "checkpoint_every": 2{{extra}} }
            """);
        return path;
    }

    [Fact]
    public void A_codec_experiment_trains_through_train_and_a_run_stopped_by_its_time_budget_resumes_to_the_uninterrupted_weights()
    {
        var config = CodecExperiment();
        var (whole, split) = (Path.Combine(_folder, "whole"), Path.Combine(_folder, "split"));

        Assert.Equal(0, CliRunner.Run("train", config, "--out", whole).ExitCode);
        var stopped = CliRunner.Run("train", config, "--out", split, "--max-seconds", "1e-9");
        var resumed = CliRunner.Run("codec", "train", "--resume", split);

        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains($"continue with: workbench train --resume {split}", stopped.Output);
        Assert.Equal(0, resumed.ExitCode);
        Assert.Contains("resuming tiny-codec after round 1", resumed.Output);
        var (a, b) = (ScaleHyperpriorTests.Tiny(0), ScaleHyperpriorTests.Tiny(1));
        Workbench.Training.Runs.Checkpoint.Load(Path.Combine(whole, "checkpoints", "last.ckpt"), a, optimizers: []);
        Workbench.Training.Runs.Checkpoint.Load(Path.Combine(split, "checkpoints", "last.ckpt"), b, optimizers: []);
        foreach (var ((name, x), (_, y)) in a.named_parameters().Zip(b.named_parameters()))
            Assert.True(x.equal(y).all().item<bool>(), $"{name} differs between the split and the uninterrupted run");
    }

    [Fact]
    public void A_codec_experiment_with_an_unknown_field_is_a_one_line_error_and_creates_no_run_folder()
    {
        var output = Path.Combine(_folder, "run");
        var result = CliRunner.Run("train", CodecExperiment(", \"epochs\": 3"), "--out", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("unknown field 'epochs'", Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(output));
    }
}
