using System.Text.Json.Nodes;

namespace Workbench.Tests.Cli;

/// <summary>
/// A radar sweep: generation shards, tiny WADEPre and U-Net runs with two seeds, and a collection that verifies each
/// seed's runs with <c>nowcast verify</c> and passes the seeds' files to a collect program.
/// </summary>
[Collection(Training.TrainingRunCollection.Name)]
public sealed class RadarSweepTests : IDisposable
{
    private static readonly string Repository = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", ".."));
    private readonly string _work = Directory.CreateTempSubdirectory("wb-radar-sweep-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Theory]
    [InlineData("radar-cpu-long", "#SBATCH --array=0-3", "#SBATCH --cpus-per-task=2")]
    [InlineData("radar-gpu", "#SBATCH --array=0", "#SBATCH --gres=gpu:1")]
    public void CommittedRadarSweepsPrintTheirScript(string name, string generation, string collectionResource)
    {
        var dir = Path.Combine(_work, name);
        var result = CliRunner.Run(["sweep", Path.Combine(Repository, "experiments", name + ".sweep.json"), "--out", dir, "--dry-run", "--workbench", Path.Combine(AppContext.BaseDirectory, "workbench")]);
        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n');
        Assert.Contains(generation, lines);
        Assert.Contains("#SBATCH --array=0-8", lines);
        var collection = result.Output[result.Output.IndexOf("train_collect=", StringComparison.Ordinal)..].Split('\n');
        Assert.Contains(collectionResource, collection);
        Assert.Contains($"#SBATCH --job-name={name}-train-collect", collection);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void LocalSweepWritesWhatNowcastVerifyWritesForEachSeed()
    {
        var data = Path.Combine(_work, "radar.h5");
        var wadepre = Config("tiny-wadepre", """{ "kind": "wadepre", "approximation_width": 4, "detail_width": 4, "refiner_width": 4, "groups": 2, "curriculum_steps": 2 }""", data);
        var unet = Config("tiny-unet", """{ "kind": "unet_nowcast", "width": 4, "depth": 2, "groups": 2 }""", data);
        var verified = Path.Combine(_work, "verified");
        var collected = Path.Combine(_work, "collected.json");
        var sweep = Path.Combine(_work, "radar.sweep.json");
        File.WriteAllText(sweep, new JsonObject
        {
            ["name"] = "radar",
            ["generate"] = new JsonObject
            {
                ["kind"] = "radar", ["args"] = new JsonArray("--samples", "8", "--resolution", "64"), ["seed"] = 0, ["shards"] = 2, ["out"] = data,
            },
            ["train"] = new JsonObject
            {
                ["experiments"] = new JsonArray(wadepre, unet),
                ["seeds"] = new JsonArray(0, 1),
                ["verify"] = new JsonObject
                {
                    ["data"] = data, ["test"] = "6:8",
                    ["runs"] = new JsonObject { ["wadepre"] = "tiny-wadepre", ["unet"] = "tiny-unet" },
                    ["out"] = Path.Combine(verified, "radar-seed-{seed}"),
                    ["collect"] = new JsonArray("sh", "-c", $"cat \"$@\" > {collected}", "sh", "{json}"),
                },
            },
        }.ToJsonString());
        var dir = Path.Combine(_work, "sweep");

        var local = CliRunner.Run(["sweep", sweep, "--out", dir, "--local"]);
        Assert.True(local.ExitCode == 0, local.Error);

        var seedFiles = new List<string>();
        foreach (var seed in new[] { 0, 1 })
        {
            var direct = Path.Combine(_work, $"direct-seed-{seed}");
            var verify = CliRunner.Run(["--threads", "1", "nowcast", "verify", "--data", data, "--test", "6:8",
                "--run", $"wadepre={Path.Combine(dir, "runs", "tiny-wadepre", $"seed-{seed}")}",
                "--run", $"unet={Path.Combine(dir, "runs", "tiny-unet", $"seed-{seed}")}", "--out", direct]);
            Assert.True(verify.ExitCode == 0, verify.Error);
            var swept = Path.Combine(verified, $"radar-seed-{seed}");
            foreach (var extension in new[] { ".json", ".md" })
                Assert.Equal(File.ReadAllText(direct + extension), File.ReadAllText(swept + extension));
            Assert.Equal(["persistence", "extrapolation", "wadepre", "unet"],
                JsonNode.Parse(File.ReadAllText(swept + ".json"))!["methods"]!.AsObject().Select(method => method.Key));
            seedFiles.Add(File.ReadAllText(swept + ".json"));
        }
        Assert.Equal(string.Concat(seedFiles), File.ReadAllText(collected));
        // The two seeds' networks differ, so each seed's file scores its own runs.
        Assert.NotEqual(seedFiles[0], seedFiles[1]);

        var again = CliRunner.Run(["sweep", sweep, "--out", dir, "--local"]);
        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("generate: complete already", again.Output);
        foreach (var (task, id) in new[] { (0, "tiny-wadepre/seed-0"), (1, "tiny-wadepre/seed-1"), (2, "tiny-unet/seed-0"), (3, "tiny-unet/seed-1") })
            Assert.Contains($"train/{task} {id}: finished", again.Output.Split('\n'));
        Assert.DoesNotContain(" train ", again.Output);
        Assert.DoesNotContain(" eval ", again.Output);
        Assert.Equal(seedFiles[1], File.ReadAllText(Path.Combine(verified, "radar-seed-1.json")));
    }

    private string Config(string name, string model, string data)
    {
        var path = Path.Combine(_work, name + ".json");
        File.WriteAllText(path, $$"""
            { "name": "{{name}}", "seed": 0, "model": {{model}},
              "data": { "path": "{{data}}", "train": "0:4", "validation": "4:6", "test": "6:8" },
              "optimizer": { "kind": "adam_w", "lr": 0.001, "weight_decay": 0.01 },
              "epochs": 1, "batch_size": 2, "loss": "quantile", "quantile": 0.6, "metrics": ["mse"] }
            """);
        return path;
    }
}
