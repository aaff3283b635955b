using System.Text.Json.Nodes;
using Workbench.Data.Images;

namespace Workbench.Tests.Cli;

// The CLI sets process-wide TorchSharp state (threads, seed): run alone.
[Collection(Training.TrainingRunCollection.Name)]
public sealed class InrCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-inr-").FullName;
    private static readonly string Data = Path.Combine(FixturePaths.Root, "..", "..", "data");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Fit_writes_the_result_and_the_reconstruction()
    {
        var result = CliRunner.Run("--seed", "3", "--threads", "1", "inr", "fit", "--task", "camera", "--size", "16", "--model", "hashgrid",
            "--params", "20000", "--steps", "20", "--eval-every", "10", "--data", Data, "--out", _folder);
        Assert.True(result.ExitCode == 0, result.Error);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "result.json")))!;
        Assert.Equal("hashgrid", (string)report["model"]!);
        Assert.Equal("psnr", (string)report["metric"]!);
        Assert.InRange((long)report["parameters"]!, 19_000, 20_000);
        Assert.Equal(3, report["curve"]!.AsArray().Count);
        Assert.True((double)report["score"]! > (double)report["curve"]![0]!["score"]!);
        var image = PngDecoder.Read(Path.Combine(_folder, "reconstruction.png"));
        Assert.Equal((16, 16, 1), (image.Width, image.Height, image.Channels));
    }

    [Fact]
    public void Compare_writes_json_and_markdown_rows_for_every_model()
    {
        var json = Path.Combine(_folder, "c.json");
        var md = Path.Combine(_folder, "c.md");
        var result = CliRunner.Run("--threads", "1", "inr", "compare", "--tasks", "camera", "--size", "16", "--budgets", "40000", "--steps", "4",
            "--eval-every", "2", "--data", Data, "--json", json, "--markdown", md);
        Assert.True(result.ExitCode == 0, result.Error);
        var rows = JsonNode.Parse(File.ReadAllText(json))!["results"]!.AsArray();
        Assert.Equal(["nstr", "siren", "fourier", "hashgrid"], rows.Select(r => (string)r!["model"]!));
        Assert.Equal(6, File.ReadAllLines(md).Length);
    }

    [Fact]
    public void Compare_stopped_by_the_time_budget_resumes_into_the_results_of_an_uninterrupted_run()
    {
        string[] Compare(string json, params string[] more) =>
        [
            "--threads", "1", "inr", "compare", "--tasks", "camera", "--models", "nstr,hashgrid", "--size", "16", "--budgets", "40000",
            "--steps", "4", "--eval-every", "2", "--data", Data, "--json", Path.Combine(_folder, json), .. more,
        ];
        JsonArray Results(string json) => JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, json)))!["results"]!.AsArray();
        string Numbers(JsonNode? r) => $"{r!["model"]} {r["score"]} " + string.Join(" ", r["curve"]!.AsArray().Select(c => $"{c!["step"]}:{c["score"]}:{c["loss"]}"));

        var whole = CliRunner.Run(Compare("whole.json"));
        var stopped = CliRunner.Run(Compare("split.json", "--max-seconds", "1e-9"));
        var linesWhenStopped = File.ReadAllLines(Path.Combine(_folder, "runs", "split", "camera-nstr-40000", "metrics.jsonl"));
        var again = CliRunner.Run(Compare("split.json"));
        var resumed = CliRunner.Run(Compare("split.json", "--resume"));

        Assert.True(whole.ExitCode == 0, whole.Error);
        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains("stopped after 0 of 2 fits", stopped.Output);
        Assert.Single(linesWhenStopped);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("run folder already exists", Assert.Single(again.ErrorLines));
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Equal(Results("whole.json").Select(Numbers), Results("split.json").Select(Numbers));
        Assert.True(File.Exists(Path.Combine(_folder, "runs", "split", "camera-hashgrid-40000", "checkpoints", "last.ckpt")));
    }

    [Theory]
    [InlineData("--tasks", "lena", "unknown INR task(s) lena")]
    [InlineData("--models", "nerf", "unknown model 'nerf'")]
    [InlineData("--budgets", "0", "bad budget '0'")]
    public void Bad_arguments_are_one_line_user_errors(string option, string value, string message)
    {
        var json = Path.Combine(_folder, "bad.json");
        var result = CliRunner.Run("inr", "compare", option, value, "--steps", "1", "--json", json);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(json));
    }
}
