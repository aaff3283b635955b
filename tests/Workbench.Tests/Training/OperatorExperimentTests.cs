using System.Text.Json.Nodes;
using Workbench.Tests.Cli;

namespace Workbench.Tests.Training;

/// <summary>The operator configs train end to end on a small generated Navier-Stokes file (time as channels, 10 -> 2).</summary>
[Collection(TrainingRunCollection.Name)]
public sealed class OperatorExperimentTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("wb-ops-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>Eight small trajectories (16^2, 13 frames) in _work/ns.h5.</summary>
    private string GenerateNavierStokes()
    {
        var data = Path.Combine(_work, "ns.h5");
        var generate = CliRunner.Run("--seed", "4", "datasets", "generate", "navier-stokes", "--samples", "8", "--resolution", "16",
            "--solver-resolution", "16", "--horizon", "12", "--dt", "0.02", "--batch", "8", "--out", data);
        Assert.True(generate.ExitCode == 0, generate.Error);
        return data;
    }

    [Fact]
    public void FnoT1AndAfnoTrainOnGeneratedNavierStokes()
    {
        var data = GenerateNavierStokes();

        var models = new Dictionary<string, string>
        {
            ["fno2d"] = """{ "kind": "fno2d", "in_channels": 10, "out_channels": 2, "width": 8, "modes1": 4, "modes2": 4, "layers": 2 }""",
            ["t1"] = """{ "kind": "t1", "in_channels": 10, "out_channels": 2, "width": 8, "modes1": 4, "modes2": 4, "layers": 2, "init_resolution": 16 }""",
            ["t1-dft-energy"] = """{ "kind": "t1", "in_channels": 10, "out_channels": 2, "width": 8, "modes1": 3, "modes2": 4, "layers": 2, "transform": "dft", "selection": "energy", "init_resolution": 16 }""",
            ["afno"] = """{ "kind": "afno", "in_channels": 10, "out_channels": 2, "grid": 16, "embed_dim": 16, "depth": 1, "blocks": 4, "patch": 4 }""",
        };
        foreach (var (name, model) in models)
        {
            var config = Path.Combine(_work, name + ".json");
            File.WriteAllText(config, $$"""
                { "name": "{{name}}", "seed": 1, "model": {{model}},
                  "data": { "path": "{{data}}", "train": "0:6", "validation": "6:8" },
                  "optimizer": { "kind": "adam_w", "lr": 0.001 }, "epochs": 2, "batch_size": 3,
                  "metrics": ["relative_l2", "relative_h_minus1"] }
                """);
            var run = Path.Combine(_work, "runs", name);
            var result = CliRunner.Run("--threads", "1", "train", config, "--out", run);
            Assert.True(result.ExitCode == 0, $"{name}: {result.Error}");
            var final = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!["final"]!;
            var relative = (double)final["val_relative_l2"]!;
            Assert.True(double.IsFinite(relative) && relative > 0 && relative < 10, $"{name}: val_relative_l2 {relative}");
            Assert.True(double.IsFinite((double)final["val_relative_h_minus1"]!), name);
        }
    }

    [Fact]
    public void AnEnergyRankedT1CheckpointLoadsWithItsOwnModesWithoutTheTrainingData()
    {
        var data = GenerateNavierStokes();
        var config = Path.Combine(_work, "t1-energy.json");
        File.WriteAllText(config, $$"""
            { "name": "t1-energy", "seed": 1,
              "model": { "kind": "t1", "in_channels": 10, "out_channels": 2, "width": 8, "modes1": 3, "modes2": 4, "layers": 2, "transform": "dft", "selection": "energy", "init_resolution": 16 },
              "data": { "path": "{{data}}", "train": "0:6", "validation": "6:8" },
              "optimizer": { "kind": "adam", "lr": 0.001 }, "epochs": 1, "batch_size": 3, "metrics": ["relative_l2"] }
            """);
        var run = Path.Combine(_work, "runs", "t1-energy");
        var trained = CliRunner.Run("--threads", "1", "train", config, "--out", run);
        Assert.True(trained.ExitCode == 0, trained.Error);

        using var source = new Workbench.Data.Sources.Hdf5SampleSource(data, new Workbench.Data.Hdf5.DatasetReaderOptions());
        var (inputs, _) = source.Load([0, 1, 2, 3, 4, 5]);
        var fromData = Workbench.Models.Operators.T1.ModeSelection.EnergyRanked(Workbench.Models.Operators.T1.T1Transform.Dft, inputs, 3, 4);
        var lowPass = Workbench.Models.Operators.T1.ModeSelection.LowPass(Workbench.Models.Operators.T1.T1Transform.Dft, 3, 4);
        var x = inputs.narrow(0, 0, 2).clone();
        source.Dispose();
        File.Delete(data);

        var (loaded, _) = Workbench.Training.Runs.TrainedRun.Open(run).LoadModel("last", TorchSharp.torch.CPU);
        using var model = (Workbench.Models.Operators.T1.T1Operator)loaded;
        Assert.Equal(fromData.Rows, model.Transform.Selection.Rows);
        Assert.Equal(fromData.Columns, model.Transform.Selection.Columns);
        Assert.False(fromData.Rows.SequenceEqual(lowPass.Rows) && fromData.Columns.SequenceEqual(lowPass.Columns), "the data picked the low-pass modes: no test");
        using var noGrad = TorchSharp.torch.no_grad();
        Assert.True(model.forward(x).isfinite().all().item<bool>());
    }
}
