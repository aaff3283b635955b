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

    private static string Shipped(string folder) => Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", "..", "models", folder));

    [Theory]
    [InlineData("codec", "hyperprior-q3", "safetensors")]
    [InlineData("codec", "hyperprior-q3", "pt")]
    [InlineData("codec", "hcfssnet-q3", "safetensors")]
    [InlineData("codec-variable", "hyperprior-variable", "pt")]
    [InlineData("codec-variable", "hcfssnet-variable", "safetensors")]
    public void A_shipped_codec_model_exported_and_imported_is_byte_identical(string folder, string name, string format)
    {
        var shipped = Shipped(folder);
        var file = Path.Combine(_folder, $"{name}.{format}");
        var export = CliRunner.Run("export", Path.Combine(shipped, $"{name}.dat"), "--format", format, "--out", file);
        Assert.True(export.ExitCode == 0, export.Error);
        var models = Path.Combine(_folder, "models");
        var import = CliRunner.Run("import", file, "--kind", name[..name.IndexOf('-')], "--out", models);
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal($"{name} -> {models}", import.Output.Trim());

        // The integer coding tables are not in the file: the import rebuilds them from the density, to the same integers.
        Assert.Equal(File.ReadAllBytes(Path.Combine(shipped, $"{name}.dat")), File.ReadAllBytes(Path.Combine(models, $"{name}.dat")));
        Assert.Equal(File.ReadAllText(Path.Combine(shipped, $"{name}.json")), File.ReadAllText(Path.Combine(models, $"{name}.json")));
    }

    [Fact]
    public void An_hcfssnet_variant_exports_its_architecture_in_the_spec_and_imports_as_itself()
    {
        var source = Path.Combine(_folder, "source");
        var variant = new HcfssnetArchitecture(4, VfssStrides.Stride4 | VfssStrides.Stride8 | VfssStrides.Stride16);
        manual_seed(5);
        using (var model = CodecModels.Create(CodecModelId.Hcfssnet, 16, 16, hcfssnet: variant))
            new CodecCheckpoints(source).Save(3, model,
                new CodecCheckpointInfo(16, 16, 0.0067, 0, 1, 64, 1e-4, 0, [], 0) with { Hcfssnet = variant, WeightBits = 16 });
        var file = Path.Combine(_folder, "hcfssnet.pt");
        var export = CliRunner.Run("export", Path.Combine(source, "hcfssnet-q3.dat"), "--format", "pt", "--out", file);
        Assert.True(export.ExitCode == 0, export.Error);

        var spec = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "hcfssnet.spec.json")))!;
        var architecture = spec["model"]!["hcfssnet"]!;
        Assert.Equal(4, (int)architecture["scan_head_size"]!);
        Assert.Equal([4, 8, 16], architecture["vfss_strides"]!.AsArray().Select(v => (int)v!));
        Assert.False((bool)architecture["fstam_in_hyper_synthesis"]!);

        var models = Path.Combine(_folder, "models");
        var import = CliRunner.Run("import", file, "--kind", "hcfssnet", "--out", models);
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(source, "hcfssnet-q3.dat")), File.ReadAllBytes(Path.Combine(models, "hcfssnet-q3.dat")));
        Assert.Equal(File.ReadAllText(Path.Combine(source, "hcfssnet-q3.json")), File.ReadAllText(Path.Combine(models, "hcfssnet-q3.json")));
    }

    /// <summary>
    /// A variable-rate run's export carries its levels (first_quality, lambdas); imported, the file is the model the run
    /// saved, byte for byte, with a description of steps 0 (a run folder's spec has no codec_info).
    /// </summary>
    [Fact]
    public void A_variable_rate_run_exports_its_levels_and_imports_as_the_model_it_saved()
    {
        var image = Path.Combine(_folder, "wave.png");
        File.Copy(Path.Combine(FixturePaths.Root, "..", "..", "data", "images", "astronaut.png"), image);
        var trained = Path.Combine(_folder, "trained");
        var run = Path.Combine(_folder, "run");
        var train = CliRunner.Run("--seed", "3", "codec", "train", "--images", image, "--quality", "2", "--lambdas", "0.004", "0.01", "--steps", "2",
            "--batch", "1", "--patch", "64", "--n", "8", "--m", "8", "--models", trained, "--out", run);
        Assert.True(train.ExitCode == 0, train.Error);
        var file = Path.Combine(_folder, "variable.safetensors");
        var export = CliRunner.Run("export", run, "--format", "safetensors", "--out", file);
        Assert.True(export.ExitCode == 0, export.Error);
        var spec = StateDictFile.ReadSpec(file)!;
        Assert.Equal(2, (int)spec["first_quality"]!);
        Assert.Equal([0.004, 0.01], spec["lambdas"]!.AsArray().Select(v => (double)v!));
        Assert.Null(spec["quality"]);

        var models = Path.Combine(_folder, "models");
        var import = CliRunner.Run("import", file, "--kind", "hyperprior", "--out", models);
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.Equal(File.ReadAllBytes(Path.Combine(trained, "hyperprior-variable.dat")), File.ReadAllBytes(Path.Combine(models, "hyperprior-variable.dat")));
        var info = new CodecCheckpoints(models).VariableRateInfo(CodecModelId.Hyperprior);
        Assert.Equal((8, 8, 0, new RateLevels(2, 2)), (info.N, info.M, info.Steps, info.RateLevels));
        Assert.Equal([0.004, 0.01], info.Lambdas!);

        var again = CliRunner.Run("import", file, "--kind", "hyperprior", "--out", models);
        Assert.Equal(1, again.ExitCode);
        Assert.Equal($"error: {models}: already holds a variable-rate hyperprior model", Assert.Single(again.ErrorLines));
    }

    [Fact]
    public void A_file_of_another_codec_is_refused_in_one_line_and_writes_nothing()
    {
        var file = Path.Combine(_folder, "hyperprior.safetensors");
        Assert.Equal(0, CliRunner.Run("export", Path.Combine(Shipped("codec"), "hyperprior-q3.dat"), "--format", "safetensors", "--out", file).ExitCode);
        var models = Path.Combine(_folder, "models");
        var import = CliRunner.Run("import", file, "--kind", "hcfssnet", "--out", models);
        Assert.Equal(1, import.ExitCode);
        Assert.Equal($"error: {file}: holds a hyperprior model, not hcfssnet", Assert.Single(import.ErrorLines));
        Assert.False(Directory.Exists(models));
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
        Assert.Equal($"error: {Path.Combine(_folder, "nothing")}: expected a run folder or a trained codec model MODEL-qQ.dat or MODEL-variable.dat", Assert.Single(missing.ErrorLines));
        var empty = CliRunner.Run("export", _folder, "--format", "safetensors", "--out", file);
        Assert.Equal(1, empty.ExitCode);
        Assert.Equal($"error: {_folder}: not a run folder (config.json missing)", Assert.Single(empty.ErrorLines));
        Assert.False(File.Exists(file));
        var mismatch = CliRunner.Run("export", Path.Combine(Shipped("codec"), "hyperprior-q3.dat"), "--format", "pt", "--out", file);
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
