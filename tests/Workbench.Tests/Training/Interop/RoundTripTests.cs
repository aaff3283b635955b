using Workbench.Models.Codec;
using Workbench.Tests.Cli;
using Workbench.Training.Interop;
using static TorchSharp.torch;

namespace Workbench.Tests.Training.Interop;

/// <summary>Export then import gives back the very files the workbench started from; bad sources are one-line errors.</summary>
[Collection(TrainingRunCollection.Name)]
public sealed class RoundTripTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-interop-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string ShippedModels => Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", "..", "models", "codec"));

    [Theory]
    [InlineData("safetensors")]
    [InlineData("pt")]
    public void A_shipped_codec_model_exported_and_imported_is_byte_identical(string format)
    {
        var file = Path.Combine(_folder, $"hyperprior.{format}");
        var export = CliRunner.Run("export", Path.Combine(ShippedModels, "hyperprior-q3.dat"), "--format", format, "--out", file);
        Assert.True(export.ExitCode == 0, export.Error);
        var models = Path.Combine(_folder, "models");
        var import = CliRunner.Run("import", file, "--kind", "hyperprior", "--out", models);
        Assert.True(import.ExitCode == 0, import.Error);

        // The integer coding tables are not in the file: the import rebuilds them from the density, to the same integers.
        Assert.Equal(File.ReadAllBytes(Path.Combine(ShippedModels, "hyperprior-q3.dat")), File.ReadAllBytes(Path.Combine(models, "hyperprior-q3.dat")));
        Assert.Equal(File.ReadAllText(Path.Combine(ShippedModels, "hyperprior-q3.json")), File.ReadAllText(Path.Combine(models, "hyperprior-q3.json")));
    }

    [Fact]
    public void An_hcfssnet_variant_exports_its_architecture_in_the_spec()
    {
        var source = Path.Combine(_folder, "source");
        var variant = new HcfssnetArchitecture(4, VfssStrides.Stride4 | VfssStrides.Stride8 | VfssStrides.Stride16);
        manual_seed(5);
        using (var model = CodecModels.Create(CodecModelId.Hcfssnet, 16, 16, hcfssnet: variant))
            new CodecCheckpoints(source).Save(3, model, new CodecCheckpointInfo(16, 16, 0.0067, 0, 1, 64, 1e-4, 0, [], 0) with { Hcfssnet = variant });
        var file = Path.Combine(_folder, "hcfssnet.pt");
        var export = CliRunner.Run("export", Path.Combine(source, "hcfssnet-q3.dat"), "--format", "pt", "--out", file);
        Assert.True(export.ExitCode == 0, export.Error);

        var spec = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "hcfssnet.spec.json")))!;
        var architecture = spec["model"]!["hcfssnet"]!;
        Assert.Equal(4, (int)architecture["scan_head_size"]!);
        Assert.Equal([4, 8, 16], architecture["vfss_strides"]!.AsArray().Select(v => (int)v!));
        Assert.False((bool)architecture["fstam_in_hyper_synthesis"]!);
    }

    [Fact]
    public void Fno_spectral_blocks_are_the_neuraloperator_corners_and_map_back_exactly()
    {
        foreach (var dims in new[] { 1, 2, 3 })
        {
            long[] shape = dims switch { 1 => [5, 3, 4, 2], 2 => [6, 4, 3, 2, 2], _ => [4, 6, 3, 2, 3, 2] };
            var weight = randn(shape, generator: new Generator((ulong)dims));
            var naming = new FnoSpectralBlocks(dims);
            var exported = naming.ToPyTorch(new() { ["spectral.1.weight"] = weight, ["lift.bias"] = zeros(3) });
            Assert.Equal(["lift.bias", .. Enumerable.Range(1, 1 << (dims - 1)).Select(k => $"spectral.1.weights{k}")], exported.Keys.Order());
            var back = naming.FromPyTorch(exported);
            Assert.True(back["spectral.1.weight"].equal(weight).all().item<bool>());
        }
        var w = randn([6, 4, 3, 2, 2], generator: new Generator(9));
        var blocks = new FnoSpectralBlocks(2).ToPyTorch(new() { ["spectral.0.weight"] = w });
        // weights2[i, o, r, c] is wavenumber row r - m1 = -3 + r: stored row 3 + r of the mode-major block.
        Assert.Equal([3L, 2, 3, 4, 2], blocks["spectral.0.weights2"].shape);
        Assert.Equal(w[5, 1, 2, 0, 1].item<float>(), blocks["spectral.0.weights2"][2, 0, 2, 1, 1].item<float>());
        Assert.Equal(w[0, 3, 1, 1, 0].item<float>(), blocks["spectral.0.weights1"][1, 1, 0, 3, 0].item<float>());
    }

    [Fact]
    public void A_bad_source_or_output_name_is_one_line()
    {
        var file = Path.Combine(_folder, "out.safetensors");
        var missing = CliRunner.Run("export", Path.Combine(_folder, "nothing"), "--format", "safetensors", "--out", file);
        Assert.Equal(1, missing.ExitCode);
        Assert.Equal($"error: {Path.Combine(_folder, "nothing")}: expected a run folder or a trained codec model MODEL-qQ.dat", Assert.Single(missing.ErrorLines));
        var empty = CliRunner.Run("export", _folder, "--format", "safetensors", "--out", file);
        Assert.Equal(1, empty.ExitCode);
        Assert.Equal($"error: {_folder}: not a run folder (config.json missing)", Assert.Single(empty.ErrorLines));
        Assert.False(File.Exists(file));
        var mismatch = CliRunner.Run("export", Path.Combine(ShippedModels, "hyperprior-q3.dat"), "--format", "pt", "--out", file);
        Assert.Equal(1, mismatch.ExitCode);
        Assert.Equal($"error: {file}: a pt file ends in .pt or .pth", Assert.Single(mismatch.ErrorLines));
    }

    [Fact]
    public void A_file_that_is_not_a_state_dict_is_one_line()
    {
        var file = Path.Combine(_folder, "notes.safetensors");
        File.WriteAllText(file, "not a state dict at all");
        var result = CliRunner.Run("import", file, "--kind", "hyperprior", "--n", "8", "--m", "12", "--quality", "3", "--lambda", "0.01", "--out", _folder);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: {file}: unreadable state-dict header or spec", Assert.Single(result.ErrorLines));
    }
}
