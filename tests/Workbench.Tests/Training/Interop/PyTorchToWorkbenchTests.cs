using Workbench.Models.Codec;
using Workbench.Tests.Cli;
using Workbench.Training.Interop;
using Workbench.Training.Runs;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Workbench.Tests.Training.Interop;

/// <summary>
/// State dicts written by PyTorch modules made from the equations (tests/fixtures/interop/make_fixtures.py), imported
/// with `workbench import`: the workbench's models give PyTorch's outputs on the same inputs.
/// </summary>
[Collection(TrainingRunCollection.Name)]
public sealed class PyTorchToWorkbenchTests(ITestOutputHelper log) : IDisposable
{
    private const double Tolerance = 1e-5;
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-import-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string[] FnoFlags = Flags(width: 8, batchNorm: true);

    private static string[] Flags(int width, bool batchNorm) =>
        ["--in-channels", "3", "--out-channels", "1", "--width", $"{width}", "--modes1", "4", "--modes2", "3", "--layers", "2", "--batch-norm", batchNorm ? "true" : "false"];

    [Theory]
    [InlineData("fno2d.safetensors")]
    [InlineData("fno2d.pt")]
    public void An_imported_fno2d_gives_pytorchs_outputs(string file)
    {
        var run = Path.Combine(_folder, "run");
        var result = CliRunner.Run(["import", InteropFixtures.Of(file), "--kind", "fno2d", "--data", "data.h5", "--out", run, .. FnoFlags]);
        Assert.True(result.ExitCode == 0, result.Error);

        var (model, state) = TrainedRun.Open(run).LoadModel("best", CPU);
        using var io = InteropFixtures.InputsAndOutputs("fno2d");
        using var _ = no_grad();
        using var output = model.forward(io.Tensors["input"]);
        var diff = InteropFixtures.MaxAbsDiff(output, io.Tensors["output"]);
        log.WriteLine($"fno2d {file}: max |workbench - pytorch| = {diff:E3}");
        Assert.InRange(diff, 0, Tolerance);
        Assert.Equal(0, state.Epoch);
        model.Dispose();
    }

    [Theory]
    [InlineData("hyperprior.safetensors")]
    [InlineData("hyperprior.pt")]
    public void An_imported_hyperprior_gives_pytorchs_transforms(string file)
    {
        var models = Path.Combine(_folder, "models");
        var result = CliRunner.Run("import", InteropFixtures.Of(file), "--kind", "hyperprior", "--n", "8", "--m", "12", "--quality", "3",
            "--lambda", "0.0067", "--out", models);
        Assert.True(result.ExitCode == 0, result.Error);

        var checkpoints = new CodecCheckpoints(models);
        var codec = checkpoints.Load(CodecModelId.Hyperprior, 3);
        Assert.Equal(0.0067, checkpoints.Info(CodecModelId.Hyperprior, 3).Lambda);
        using var io = InteropFixtures.InputsAndOutputs("hyperprior");
        using var _ = no_grad();
        using var y = codec.Analysis(io.Tensors["input"]);
        using var z = codec.HyperAnalysis(y);
        using var scales = codec.HyperSynthesisTorch(z);
        using var xHat = codec.Synthesis(y);
        var diff = new[] { (y, "y"), (z, "z"), (scales, "scales"), (xHat, "x_hat") }
            .Max(pair => InteropFixtures.MaxAbsDiff(pair.Item1, io.Tensors[pair.Item2]));
        log.WriteLine($"hyperprior {file}: max |workbench - pytorch| over y, z, scales, x_hat = {diff:E3}");
        Assert.InRange(diff, 0, Tolerance);
    }

    [Fact]
    public void A_shape_that_does_not_fit_is_one_line_naming_the_key_and_leaves_no_run()
    {
        var run = Path.Combine(_folder, "run");
        var file = InteropFixtures.Of("fno2d.safetensors");
        var result = CliRunner.Run(["import", file, "--kind", "fno2d", "--data", "data.h5", "--out", run, .. Flags(width: 6, batchNorm: true)]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {file}: 'lift.weight' has shape [8, 5, 1, 1], expected [6, 5, 1, 1]", Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(run));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void Missing_and_unexpected_keys_are_one_line_naming_the_first()
    {
        var run = Path.Combine(_folder, "run");
        var noNorms = CliRunner.Run(["import", InteropFixtures.Of("fno2d.pt"), "--kind", "fno2d", "--data", "data.h5", "--out", run, .. Flags(width: 8, batchNorm: false)]);
        Assert.Equal(1, noNorms.ExitCode);
        Assert.Equal($"error: {InteropFixtures.Of("fno2d.pt")}: unexpected key 'norms.0.bias' (10 unexpected)", Assert.Single(noNorms.ErrorLines));

        var hyperprior = InteropFixtures.Of("hyperprior.safetensors");
        var wrongKind = CliRunner.Run(["import", hyperprior, "--kind", "fno2d", "--data", "data.h5", "--out", run, .. FnoFlags]);
        Assert.Equal(1, wrongKind.ExitCode);
        Assert.Equal($"error: {hyperprior}: missing key 'lift.weight' [8, 5, 1, 1] (24 missing, 55 unexpected)", Assert.Single(wrongKind.ErrorLines));
        Assert.False(Directory.Exists(run));
    }
}
