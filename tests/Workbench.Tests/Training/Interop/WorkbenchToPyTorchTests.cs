using System.Diagnostics;
using System.Text.Json.Nodes;
using Workbench.Tests.Cli;
using Workbench.Training.Config;
using Workbench.Training.Interop;
using Workbench.Training.Runs;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Workbench.Tests.Training.Interop;

/// <summary>
/// Models exported with `workbench export`, loaded in PyTorch by tests/fixtures/interop/make_fixtures.py (verify): its
/// modules, written from the equations, load the file strictly and give the workbench's outputs to 1e-5.
/// </summary>
[Collection(TrainingRunCollection.Name)]
public sealed class WorkbenchToPyTorchTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [TorchFact]
    public void A_seeded_fno2d_run_loads_in_pytorch_with_the_same_outputs()
    {
        var run = SeededFnoRun();
        var (model, _) = TrainedRun.Open(run).LoadModel("last", CPU);
        var input = randn([2, 2, 20, 16], generator: new Generator(5));
        using (no_grad()) WriteInputsAndOutputs("fno2d", input, ("output", model.forward(input)));
        model.Dispose();
        foreach (var format in new[] { "safetensors", "pt" })
        {
            var file = Path.Combine(_folder, $"fno2d.{format}");
            var export = CliRunner.Run("export", run, "--format", format, "--out", file);
            Assert.True(export.ExitCode == 0, export.Error);
            Verify(file, "fno2d");
        }
        Assert.True(File.Exists(Path.Combine(_folder, "fno2d.spec.json")));
    }

    [TorchFact]
    public void The_shipped_hyperprior_loads_in_pytorch_with_the_same_transforms()
    {
        var codec = new Workbench.Models.Codec.CodecCheckpoints(ShippedModels).Load(Workbench.Models.Codec.CodecModelId.Hyperprior, 2);
        var x = rand([1, 3, 64, 128], generator: new Generator(8));
        using (no_grad())
        {
            var y = codec.Analysis(x);
            var z = codec.HyperAnalysis(y);
            WriteInputsAndOutputs("hyperprior", x, ("y", y), ("z", z), ("scales", codec.HyperSynthesisTorch(z)), ("x_hat", codec.Synthesis(y)));
        }
        foreach (var format in new[] { "safetensors", "pt" })
        {
            var file = Path.Combine(_folder, $"hyperprior.{format}");
            var export = CliRunner.Run("export", Path.Combine(ShippedModels, "hyperprior-q2.dat"), "--format", format, "--out", file);
            Assert.True(export.ExitCode == 0, export.Error);
            Verify(file, "hyperprior");
        }
    }

    private static string ShippedModels => Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", "..", "models", "codec"));

    private string SeededFnoRun()
    {
        var folder = new RunFolder(Path.Combine(_folder, "run"));
        folder.Create();
        var config = ExperimentConfigLoader.Parse("""
            { "name": "seeded", "seed": 3, "model": { "kind": "fno2d", "in_channels": 2, "out_channels": 2, "width": 6, "modes1": 5, "modes2": 4, "layers": 3 },
              "data": { "path": "data.h5", "train": "0:0.8", "validation": "0.8:1" } }
            """, "seeded");
        random.manual_seed(3);
        using var model = config.Model.Build(null);
        folder.WriteJson(folder.ConfigPath, JsonNode.Parse(ExperimentConfigLoader.Serialize(config))!);
        Checkpoint.Save(folder.LastCheckpoint, new TrainingState(4, 40, 0.5, 3), model, [], new JsonObject());
        return folder.Root;
    }

    private void WriteInputsAndOutputs(string kind, Tensor input, params (string Name, Tensor Value)[] outputs)
    {
        var tensors = new Dictionary<string, Tensor> { ["input"] = input.contiguous() };
        foreach (var (name, value) in outputs) tensors[name] = value.contiguous();
        StateDictFile.Write(Path.Combine(_folder, $"{kind}-io.safetensors"), StateDictFormat.Safetensors, tensors, new JsonObject());
    }

    private void Verify(string file, string kind)
    {
        var start = new ProcessStartInfo(TorchFactAttribute.Python, [InteropFixtures.Script, "verify", file, Path.Combine(_folder, $"{kind}-io.safetensors")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        log.WriteLine($"{Path.GetFileName(file)}: {output.Trim()}");
        Assert.True(process.ExitCode == 0, $"{output}{error}");
        Assert.StartsWith($"max_abs_diff {kind} ", output);
    }
}
