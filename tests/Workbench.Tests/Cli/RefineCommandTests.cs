using System.Text.Json.Nodes;

namespace Workbench.Tests.Cli;

[Collection(Training.TrainingRunCollection.Name)]
public sealed class RefineCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-refine-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.Replace("DIR", _folder));
        return path;
    }

    private string RefineConfig(int iterations) => Write("refine.json", $$"""
        { "name": "tiny-refine", "data": { "path": "DIR/ns.h5", "samples": "2:4" },
          "equation": { "viscosity": 0.001, "time_step": 0.1, "forcing": "fno", "time_derivative": "bdf2" },
          "iterations": {{iterations}}, "lr": 0.001, "checkpoint": "last" }
        """);

    /// <summary>Generates a tiny Navier-Stokes dataset and trains a tiny SFNO on it for one epoch; returns its run folder.</summary>
    private string TrainedRun()
    {
        var generate = CliRunner.Run("--seed", "3", "--threads", "1", "datasets", "generate", "navier-stokes", "--samples", "4", "--resolution", "16",
            "--solver-resolution", "16", "--dt", "0.01", "--record-every", "0.1", "--warmup", "0.5", "--horizon", "1.3", "--batch", "4",
            "--out", Path.Combine(_folder, "ns.h5"));
        Assert.Equal(0, generate.ExitCode);
        var experiment = Write("train.json", """
            { "name": "tiny-sfno", "seed": 1,
              "model": { "kind": "sfno", "input_steps": 10, "output_steps": 3, "width": 4, "modes1": 3, "modes2": 3, "modes_t": 2,
                         "latent_steps": 4, "layers": 2, "temporal_bases": 1, "expansion": 1, "projection_width": 4,
                         "output_modes1": 3, "output_modes2": 3, "output_modes_t": 2 },
              "data": { "path": "DIR/ns.h5", "train": "0:2", "validation": "2:4" },
              "epochs": 1, "batch_size": 2 }
            """);
        var run = Path.Combine(_folder, "run");
        Assert.Equal(0, CliRunner.Run("--threads", "1", "train", experiment, "--out", run).ExitCode);
        return run;
    }

    [Fact]
    public void RefinesATrainedRunIntoARunFolder()
    {
        var run = TrainedRun();

        var refined = Path.Combine(_folder, "refined");
        var result = CliRunner.Run("--threads", "1", "refine", RefineConfig(3), "--run", run, "--out", refined);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = File.ReadAllLines(Path.Combine(refined, "metrics.jsonl"));
        Assert.Equal(4, lines.Length);
        Assert.Equal(2, JsonNode.Parse(lines[0])!["sample_relative_l2"]!.AsArray().Count);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(refined, "summary.json")))!;
        Assert.Equal(2, summary["samples"]!.GetValue<long>());
        Assert.Equal(JsonNode.Parse(lines[^1])!["relative_l2"]!.GetValue<double>(), summary["relative_l2_after"]!.GetValue<double>());
        Assert.True(summary["residual_of_ground_truth"]!.GetValue<double>() < summary["residual_before"]!.GetValue<double>());
    }

    [Fact]
    public void ARefinementStoppedAfterAnIterationAndResumedEqualsTheUninterruptedOneBitForBit()
    {
        var run = TrainedRun();
        var config = RefineConfig(4);
        var (whole, split) = (Path.Combine(_folder, "whole"), Path.Combine(_folder, "split"));

        var wholeRun = CliRunner.Run("--threads", "1", "refine", config, "--run", run, "--out", whole);
        var stopped = CliRunner.Run("--threads", "1", "refine", config, "--run", run, "--out", split, "--max-seconds", "1e-9");
        var linesWhenStopped = File.ReadAllLines(Path.Combine(split, "metrics.jsonl"));
        var resumed = CliRunner.Run("--threads", "1", "refine", "--resume", split);

        Assert.True(wholeRun.ExitCode == 0, wholeRun.Error);
        Assert.True(stopped.ExitCode == 0, stopped.Error);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Equal(0, (int)JsonNode.Parse(Assert.Single(linesWhenStopped))!["iteration"]!);
        string Line(string line) => string.Join(",", JsonNode.Parse(line)!.AsObject().Where(p => p.Key != "seconds").Select(p => $"{p.Key}={p.Value!.ToJsonString()}"));
        var lines = File.ReadAllLines(Path.Combine(whole, "metrics.jsonl"));
        Assert.Equal([0, 1, 2, 3, 4], lines.Select(l => (int)JsonNode.Parse(l)!["iteration"]!));
        Assert.Equal(lines.Select(Line), File.ReadAllLines(Path.Combine(split, "metrics.jsonl")).Select(Line));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole, "checkpoints", "last.ckpt")), File.ReadAllBytes(Path.Combine(split, "checkpoints", "last.ckpt")));
        JsonNode Summary(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")))!;
        foreach (var key in new[] { "relative_l2_before", "relative_l2_after", "residual_after", "residual_of_ground_truth", "sample_relative_l2_after", "iterations" })
            Assert.Equal(Summary(whole)[key]!.ToJsonString(), Summary(split)[key]!.ToJsonString());
        Assert.NotEqual(Summary(whole)["relative_l2_before"]!.ToJsonString(), Summary(whole)["relative_l2_after"]!.ToJsonString());
    }

    [Fact]
    public void AMissingRunFolderIsOneErrorLine()
    {
        var result = CliRunner.Run("refine", RefineConfig(1), "--run", Path.Combine(_folder, "nowhere"));
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains("not a run folder", result.Error);
    }

    [Theory]
    [InlineData("\"lr\": -1", "lr: expected a positive number")]
    [InlineData("\"optimizer\": \"adam_w\"", "optimizer")]
    [InlineData("\"momentum\": 1", "momentum: expected a number in [0, 1)")]
    public void ABadConfigIsOneErrorLine(string field, string message)
    {
        var path = Write("bad.json", $$"""{ "name": "x", "data": { "path": "a.h5", "samples": "0:1" }, {{field}} }""");
        var result = CliRunner.Run("refine", path, "--run", _folder);
        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Contains(message, result.Error);
    }
}
