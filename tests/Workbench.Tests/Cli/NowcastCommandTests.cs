using System.Text.Json.Nodes;
using Workbench.Data.Hdf5;

namespace Workbench.Tests.Cli;

[Collection(Training.TrainingRunCollection.Name)]
public sealed class NowcastCommandTests : IDisposable
{
    private const int Side = 32;
    private const float Rain = 200;
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-nowcast-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Sequences of one still frame (a Rain-valued square of 8 x 8 pixels on zeros), two input and two target steps:
    /// even samples keep the square in their targets, odd ones have empty targets.
    /// </summary>
    private string StillFrames(int samples)
    {
        var path = Path.Combine(_folder, "still.h5");
        var frame = new float[Side * Side];
        for (var row = 8; row < 16; row++)
        for (var column = 12; column < 20; column++)
            frame[row * Side + column] = Rain;
        using var writer = Hdf5DatasetWriter.Create(path, new DatasetWriterOptions { SampleCount = samples, InputShape = [2, Side, Side], TargetShape = [2, Side, Side] });
        for (var sample = 0; sample < samples; sample++)
            writer.WriteSample([.. frame, .. frame], sample % 2 == 0 ? [.. frame, .. frame] : new float[2 * Side * Side]);
        writer.Complete();
        return path;
    }

    private JsonNode Verify(string data, string range, params string[] extra)
    {
        var prefix = Path.Combine(_folder, $"verify-{Guid.NewGuid():N}");
        var result = CliRunner.Run(["--threads", "1", "nowcast", "verify", "--data", data, "--test", range, "--out", prefix, .. extra]);
        Assert.True(result.ExitCode == 0, result.Error);
        return JsonNode.Parse(File.ReadAllText(prefix + ".json"))!;
    }

    private static double Score(JsonNode result, string method, string score) => result["methods"]![method]!["all"]![score]!.GetValue<double>();

    [Fact]
    public void BaselinesScoreStillSequencesExactly()
    {
        var data = StillFrames(2);
        var kept = Verify(data, "0:1");
        var vanished = Verify(data, "1:2");
        foreach (var method in new[] { "persistence", "extrapolation" })
        {
            Assert.Equal(0, Score(kept, method, "rmse"), 1e-4);
            Assert.Equal(1, Score(kept, method, "csi_16"), 1e-9);
            // The forecast square on empty targets: 64 of 1,024 pixels wrong by Rain, no hit.
            Assert.Equal(Rain * Math.Sqrt(64.0 / (Side * Side)), Score(vanished, method, "rmse"), 1e-3);
            Assert.Equal(0, Score(vanished, method, "csi_16"), 1e-9);
        }
    }

    [Fact]
    public void CheckpointPicksWhichCheckpointOfARunIsScored()
    {
        var data = StillFrames(6);
        var once = Train(data, "once", epochs: 1);
        var twice = Train(data, "twice", epochs: 2);
        // The two-epoch run's best checkpoint becomes the one-epoch run's last, so scoring it must give that run's scores.
        File.Copy(Path.Combine(once, "checkpoints", "last.ckpt"), Path.Combine(twice, "checkpoints", "best.ckpt"), overwrite: true);

        var onceLast = Verify(data, "4:6", "--run", $"net={once}");
        var twiceBest = Verify(data, "4:6", "--run", $"net={twice}", "--checkpoint", "best");
        var twiceLast = Verify(data, "4:6", "--run", $"net={twice}");

        Assert.Equal(onceLast["methods"]!["net"]!.ToJsonString(), twiceBest["methods"]!["net"]!.ToJsonString());
        Assert.NotEqual(twiceLast["methods"]!["net"]!["all"]!["rmse"]!.GetValue<double>(), Score(twiceBest, "net", "rmse"));
        Assert.Equal("best", twiceBest["checkpoint"]!.GetValue<string>());
        Assert.Equal("last", twiceLast["checkpoint"]!.GetValue<string>());
    }

    [Fact]
    public void AnUnknownCheckpointNameIsRejected()
    {
        var result = CliRunner.Run("nowcast", "verify", "--data", "x.h5", "--test", "0:1", "--out", Path.Combine(_folder, "v"), "--checkpoint", "first");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("first", result.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "v.json")));
    }

    private string Train(string data, string name, int epochs)
    {
        var config = Path.Combine(_folder, $"{name}.json");
        File.WriteAllText(config, $$"""
            { "name": "{{name}}", "seed": 1,
              "model": { "kind": "unet_nowcast", "input_frames": 2, "output_frames": 2, "width": 4, "depth": 2, "groups": 2 },
              "data": { "path": "{{data}}", "train": "0:4", "validation": "4:6" },
              "optimizer": { "kind": "adam_w", "lr": 0.01, "weight_decay": 0.01 },
              "epochs": {{epochs}}, "batch_size": 2, "metrics": ["mse"] }
            """);
        var run = Path.Combine(_folder, name);
        var result = CliRunner.Run("--threads", "1", "train", config, "--out", run);
        Assert.True(result.ExitCode == 0, result.Error);
        return run;
    }
}
