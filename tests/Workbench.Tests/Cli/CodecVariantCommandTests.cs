using System.Text.Json.Nodes;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using Workbench.Tests.Models.Codec;
using Workbench.Training.Codec;
using Workbench.Training.Runs;
using static TorchSharp.torch;

namespace Workbench.Tests.Cli;

// The CLI sets process-wide TorchSharp state (threads, seed): run alone.
[Collection(Training.TrainingRunCollection.Name)]
public sealed class CodecVariantCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-codec-variant-").FullName;
    private readonly string _png;

    public CodecVariantCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "images"));
        _png = Path.Combine(_folder, "images", "pattern.png");
        PngEncoder.Write(_png, ImageCodecTests.Image(180, 176, 8));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string[] Train(string name, string model, params string[] options) =>
    [
        "--threads", "1", "codec", "train", "--model", model, "--n", "8", "--m", "12", "--images", _png, "--quality", "3", "--lambda", "0.0067",
        "--steps", "2", "--batch", "1", "--patch", "64", "--models", Path.Combine(_folder, name), "--out", Path.Combine(_folder, "run-" + name), .. options,
    ];

    /// <summary>
    /// Each ablation arm trains from the CLI and saves; the saved model is rebuilt from its description with the run's
    /// last weights exactly (same parameters, same forward output), and is measured by evaluate --estimate. The arm with
    /// FSTAM in h_s codes no files: compress refuses it in one line and writes nothing.
    /// </summary>
    [Theory]
    [InlineData("fstam", new[] { "--fstam-in-hyper-synthesis", "--scan-head-size", "4" }, 4, new[] { 4, 8 }, true)]
    [InlineData("stride16", new[] { "--vfss-strides", "4", "8", "16", "--scan-head-size", "4" }, 4, new[] { 4, 8, 16 }, false)]
    [InlineData("per-channel", new[] { "--scan-head-size", "1" }, 1, new[] { 4, 8 }, false)]
    public void An_ablation_arm_trains_saves_and_reloads_with_the_same_parameters(string name, string[] options, int headSize, int[] strides, bool fstam)
    {
        var train = CliRunner.Run(Train(name, "hcfssnet", options));
        Assert.True(train.ExitCode == 0, train.Error);

        var models = new CodecCheckpoints(Path.Combine(_folder, name));
        var expected = new HcfssnetArchitecture(headSize, VfssStrideSet.Of(strides), fstam);
        Assert.Equal(expected, models.Info(CodecModelId.Hcfssnet, 3).Hcfssnet);
        var run = new RunFolder(Path.Combine(_folder, "run-" + name));
        Assert.Equal(expected, CodecExperimentConfig.Load(run.ConfigPath).Model.Hcfssnet);
        using var trained = CodecModels.Create(CodecModelId.Hcfssnet, 8, 12, hcfssnet: expected);
        Checkpoint.Load(run.LastCheckpoint, trained, optimizers: []);
        var reloaded = models.Load(CodecModelId.Hcfssnet, 3);
        Assert.Equal(trained.state_dict().Keys, reloaded.state_dict().Keys);
        foreach (var ((key, a), (_, b)) in trained.named_parameters().Zip(reloaded.named_parameters()))
            Assert.True(a.equal(b).all().item<bool>(), $"{key} differs after reload");
        trained.eval();
        trained.EntropyBottleneck.UpdateTables();
        var x = rand([1, 3, 64, 64], generator: new Generator(9));
        using (no_grad())
        {
            using var before = trained.forward(x);
            using var after = reloaded.forward(x);
            Assert.True(before.Reconstruction.equal(after.Reconstruction).all().item<bool>());
            Assert.True(before.YLikelihoods.equal(after.YLikelihoods).all().item<bool>());
            Assert.True(before.ZLikelihoods.equal(after.ZLikelihoods).all().item<bool>());
        }

        var json = Path.Combine(_folder, name + ".json");
        var evaluate = CliRunner.Run("codec", "evaluate", "--estimate", "--images", Path.Combine(_folder, "images"), "--json", json, "--model", "hcfssnet",
            "--models", models.Folder);
        Assert.True(evaluate.ExitCode == 0, evaluate.Error);
        var report = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.True((bool)report["estimated_rate"]!);
        var result = report["results"]![0]!;
        Assert.Null(result["bytes"]);
        Assert.True((double)result["bpp"]! > 0 && (double)result["psnr"]! > 0);

        var wbc = Path.Combine(_folder, name + ".wbc");
        var compress = CliRunner.Run("codec", "compress", _png, wbc, "--model", "hcfssnet", "--quality", "3", "--models", models.Folder);
        if (fstam)
        {
            Assert.Equal(1, compress.ExitCode);
            Assert.Equal("error: codec: this hcfssnet model has an FSTAM block in its hyper-synthesis, which the decoder cannot evaluate bit-exactly, " +
                         "so it codes no files (codec evaluate --estimate measures it)", Assert.Single(compress.ErrorLines));
            Assert.False(File.Exists(wbc));
            var fileEvaluation = CliRunner.Run("codec", "evaluate", "--images", Path.Combine(_folder, "images"), "--json", json + "2", "--model", "hcfssnet",
                "--models", models.Folder);
            Assert.Equal((1, 1), (fileEvaluation.ExitCode, fileEvaluation.ErrorLines.Length));
        }
        else
        {
            Assert.True(compress.ExitCode == 0, compress.Error);
        }
    }

    [Theory]
    [InlineData("hyperprior", new[] { "--fstam-in-hyper-synthesis" },
        "error: codec train: --scan-head-size, --vfss-strides and --fstam-in-hyper-synthesis apply to --model hcfssnet, not hyperprior")]
    [InlineData("hcfssnet", new[] { "--vfss-strides", "4", "3", "--scan-head-size", "4" }, "error: hcfssnet: VFSS strides must be among 2, 4, 8, 16, got 3")]
    [InlineData("hcfssnet", new[] { "--vfss-strides", "16", "--scan-head-size", "8" },
        "error: codec train: model.hcfssnet: ScanHeadSize = 8 must divide the 12 scan channels of the VFSS block at stride 16 (M = 12).")]
    public void Bad_architecture_options_are_one_line_errors(string model, string[] options, string message)
    {
        var result = CliRunner.Run(Train("refused", model, options));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(message, Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(Path.Combine(_folder, "run-refused")));
    }
}
