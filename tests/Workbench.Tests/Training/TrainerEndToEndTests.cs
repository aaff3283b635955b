using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Workbench.Tests.Cli;

namespace Workbench.Tests.Training;

[Collection(TrainingRunCollection.Name)]
public sealed class TrainerEndToEndTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("wb-train-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string WriteConfig(int epochs, string extra = "")
    {
        var path = Path.Combine(_work, $"tiny-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, $$"""
            {
              "name": "tiny", "seed": 7,
              "model": { "kind": "fno1d", "width": 8, "modes": 6, "layers": 2 },
              "data": { "builtin": "heat-smoothing-1d", "samples": 96, "resolution": 32, "train": "0:64", "validation": "64:80", "test": "80:96" },
              "optimizer": { "kind": "adam", "lr": 0.005 },
              "schedule": { "kind": "cosine" },
              "epochs": {{epochs}}, "batch_size": 8, "metrics": ["relative_l2", "mse"]{{extra}}
            }
            """);
        return path;
    }

    private static List<JsonObject> MetricsWithoutTiming(string run) =>
        File.ReadAllLines(Path.Combine(run, "metrics.jsonl")).Select(l =>
        {
            var o = JsonNode.Parse(l)!.AsObject();
            o.Remove("seconds");
            return o;
        }).ToList();

    [Fact]
    public void TwoEpochRunWritesRunFolderAndEvalReproducesValidationMetric()
    {
        var run = Path.Combine(_work, "run");
        var train = CliRunner.Run("--threads", "1", "train", WriteConfig(2), "--out", run);
        Assert.True(train.ExitCode == 0, train.Error);
        foreach (var file in new[] { "config.json", "metrics.jsonl", "summary.json", "checkpoints/last.ckpt", "checkpoints/best.ckpt" })
            Assert.True(File.Exists(Path.Combine(run, file)), file);
        var metrics = MetricsWithoutTiming(run);
        Assert.Equal(2, metrics.Count);
        var first = (double)metrics[0]["val_relative_l2"]!;
        var last = (double)metrics[1]["val_relative_l2"]!;
        Assert.True(last < first, $"validation error should fall: {first} -> {last}");

        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!;
        Assert.Equal(2, (int)summary["epochs"]!);
        Assert.Equal(16, (long)summary["steps"]!);
        Assert.Equal(7, (long)summary["seed"]!);
        Assert.True((long)summary["parameters"]! > 0);

        var eval = CliRunner.Run("--threads", "1", "eval", run);
        Assert.True(eval.ExitCode == 0, eval.Error);
        var report = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "eval-last.json")))!;
        Assert.Equal(last, (double)report["validation"]!["relative_l2"]!);
        Assert.Equal((double)metrics[1]["val_mse"]!, (double)report["validation"]!["mse"]!);

        var lastReport = File.ReadAllText(Path.Combine(run, "eval-last.json"));
        var best = CliRunner.Run("--threads", "1", "eval", run, "--checkpoint", "best");
        Assert.True(best.ExitCode == 0, best.Error);
        Assert.Equal("best.ckpt", (string)JsonNode.Parse(File.ReadAllText(Path.Combine(run, "eval-best.json")))!["checkpoint"]!);
        Assert.Equal(lastReport, File.ReadAllText(Path.Combine(run, "eval-last.json")));

        var table = Path.Combine(_work, "results.md");
        var results = CliRunner.Run("results", run, "--out", table, "--checkpoint", "best");
        Assert.True(results.ExitCode == 0, results.Error);
        Assert.Contains("`eval-best.json`", File.ReadAllText(table));
    }

    [Fact]
    public void TrainEndsWithTheTestMetricsThatEvalOfTheBestCheckpointPrints()
    {
        var run = Path.Combine(_work, "tested");
        var train = CliRunner.Run("--threads", "1", "train", WriteConfig(3), "--out", run);
        Assert.True(train.ExitCode == 0, train.Error);
        var trainedReport = File.ReadAllText(Path.Combine(run, "eval-best.json"));
        var bestEpoch = (int)JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!["best"]!["epoch"]!;

        var eval = CliRunner.Run("--threads", "1", "eval", run, "--checkpoint", "best");
        Assert.True(eval.ExitCode == 0, eval.Error);
        var testLines = eval.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("test ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["loss", "mse", "relative_l2"], testLines.Select(l => l.Split(' ')[1]));
        var expected = $"test (best, epoch {bestEpoch}): " + string.Join(", ", testLines.Select(l => l["test ".Length..]));
        Assert.Equal(expected, train.Output.TrimEnd('\n').Split('\n')[^1]);
        Assert.Equal(trainedReport, File.ReadAllText(Path.Combine(run, "eval-best.json")));
    }

    [Fact]
    public void AnOlderEvalJsonCountsOnlyForTheCheckpointItNames()
    {
        var run = Path.Combine(_work, "legacy");
        Assert.Equal(0, CliRunner.Run("--threads", "1", "train", WriteConfig(1), "--out", run).ExitCode);
        File.Delete(Path.Combine(run, "eval-best.json")); // written by train, which ends with the best checkpoint's test metrics
        Assert.Equal(0, CliRunner.Run("--threads", "1", "eval", run).ExitCode);
        File.Move(Path.Combine(run, "eval-last.json"), Path.Combine(run, "eval.json"));
        Assert.Equal(0, CliRunner.Run("results", run, "--out", Path.Combine(_work, "last.md")).ExitCode);
        var best = CliRunner.Run("results", run, "--out", Path.Combine(_work, "best.md"), "--checkpoint", "best");
        Assert.Equal(1, best.ExitCode);
        Assert.Contains("no evaluation of its best checkpoint", Assert.Single(best.ErrorLines));
    }

    [Fact]
    public void RunKilledMidTrainingResumesToTheSameFinalMetrics()
    {
        const int epochs = 20;
        var config = WriteConfig(epochs);
        var reference = Path.Combine(_work, "reference");
        Assert.Equal(0, CliRunner.Run("--threads", "1", "train", config, "--out", reference).ExitCode);

        var killed = Path.Combine(_work, "killed");
        using (var process = StartTrainingPastTwoEpochs(config, killed, out _))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        var done = File.ReadAllLines(Path.Combine(killed, "metrics.jsonl")).Length;
        Assert.InRange(done, 2, epochs - 1);

        var resumed = CliRunner.Run("--threads", "1", "train", "--resume", killed);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        AssertSameMetrics(reference, killed);

        var finalExpected = JsonNode.Parse(File.ReadAllText(Path.Combine(reference, "summary.json")))!["final"]!.ToJsonString();
        var finalActual = JsonNode.Parse(File.ReadAllText(Path.Combine(killed, "summary.json")))!["final"]!.ToJsonString();
        Assert.Equal(finalExpected, finalActual);
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    private const int SigStop = 19;
    private const int SigCont = 18;

    [Theory]
    [InlineData(15, 143, "SIGTERM")]
    [InlineData(2, 130, "SIGINT")]
    public void SignalledRunStopsAtAStepHoldsNoLockAndResumesToTheSameMetrics(int signal, int exitCode, string name)
    {
        const int epochs = 20;
        var config = WriteConfig(epochs);
        var reference = Path.Combine(_work, "reference");
        Assert.Equal(0, CliRunner.Run("--threads", "1", "train", config, "--out", reference).ExitCode);

        var stopped = Path.Combine(_work, "stopped");
        using (var process = StartTrainingPastTwoEpochs(config, stopped, out var errors))
        {
            // Paused while the lock is checked, so that a fast machine cannot finish the run before the signal comes.
            Assert.Equal(0, SendSignal(process.Id, SigStop));
            Assert.StartsWith($"{process.Id} ", File.ReadAllText(Path.Combine(stopped, "run.lock")));
            var second = CliRunner.Run("--threads", "1", "train", "--resume", stopped);
            Assert.Equal(1, second.ExitCode);
            Assert.Contains($"in use by process {process.Id}", Assert.Single(second.ErrorLines));

            Assert.Equal(0, SendSignal(process.Id, signal));
            Assert.Equal(0, SendSignal(process.Id, SigCont));
            Assert.True(process.WaitForExit(60_000), "the signalled run did not stop");
            process.WaitForExit();
            Assert.Equal(exitCode, process.ExitCode);
            lock (errors) Assert.StartsWith($"stopped by {name}: epoch ", Assert.Single(errors));
        }
        Assert.False(File.Exists(Path.Combine(stopped, "run.lock")));
        var done = File.ReadAllLines(Path.Combine(stopped, "metrics.jsonl")).Length;
        Assert.InRange(done, 2, epochs - 1);

        var resumed = CliRunner.Run("--threads", "1", "train", "--resume", stopped);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        AssertSameMetrics(reference, stopped);
    }

    /// <summary>The CLI training in a child process, returned once two epochs are in its metrics; stderr lines collected.</summary>
    private static Process StartTrainingPastTwoEpochs(string config, string folder, out List<string> errors)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "workbench"),
            ["--threads", "1", "train", config, "--out", folder]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start)!;
        var lines = new List<string>();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 } line) lock (lines) lines.Add(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var metrics = Path.Combine(folder, "metrics.jsonl");
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(120) &&
               (!File.Exists(metrics) || File.ReadAllLines(metrics).Length < 2))
            Thread.Sleep(20);
        Assert.False(process.HasExited, "the run finished before it could be interrupted");
        errors = lines;
        return process;
    }

    private static void AssertSameMetrics(string reference, string run)
    {
        var expected = MetricsWithoutTiming(reference);
        var actual = MetricsWithoutTiming(run);
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++) Assert.Equal(expected[i].ToJsonString(), actual[i].ToJsonString());
    }

    [Fact]
    public void ALockLeftByADeadProcessIsTakenOver()
    {
        var run = Path.Combine(_work, "stale");
        Assert.Equal(0, CliRunner.Run("--threads", "1", "train", WriteConfig(1), "--out", run).ExitCode);
        using (var dead = Process.Start(new ProcessStartInfo("true"))!)
        {
            dead.WaitForExit();
            File.WriteAllText(Path.Combine(run, "run.lock"), $"{dead.Id} {DateTime.UtcNow.Ticks}\n");
        }
        var resumed = CliRunner.Run("--threads", "1", "train", "--resume", run);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.False(File.Exists(Path.Combine(run, "run.lock")));
    }

    [Fact]
    public void AFolderKilledBeforeItsFirstCheckpointResumesFromScratch()
    {
        var config = WriteConfig(2);
        var reference = Path.Combine(_work, "reference");
        Assert.Equal(0, CliRunner.Run("--threads", "1", "train", config, "--out", reference).ExitCode);
        var early = Path.Combine(_work, "early");
        Directory.CreateDirectory(Path.Combine(early, "checkpoints"));
        File.Copy(Path.Combine(reference, "config.json"), Path.Combine(early, "config.json"));

        var resumed = CliRunner.Run("--threads", "1", "train", "--resume", early);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        AssertSameMetrics(reference, early);
    }

    [Fact]
    public void AResumeWithOtherThreadsWarnsAndTheSummaryRecordsBoth()
    {
        var run = Path.Combine(_work, "threads");
        Assert.Equal(0, CliRunner.Run("--threads", "1", "train", WriteConfig(1), "--out", run).ExitCode);
        var resumed = CliRunner.Run("--threads", "2", "train", "--resume", run);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        Assert.Contains("warning: resuming with 2 threads where the run so far used 1", resumed.Output);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!;
        Assert.Equal(2, (int)summary["threads"]!);
        Assert.Equal("[1]", summary["threads_used"]!.ToJsonString());
    }

    [NoCudaFact]
    public void TheConfigsDeviceIsHonouredAndTheCommandLineWins()
    {
        var config = WriteConfig(1, ", \"device\": \"cuda\"");
        var refused = CliRunner.Run("train", config, "--out", Path.Combine(_work, "cuda"));
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("CUDA is not available", Assert.Single(refused.ErrorLines));

        var run = Path.Combine(_work, "cpu");
        var trained = CliRunner.Run("--device", "cpu", "--threads", "1", "train", config, "--out", run);
        Assert.True(trained.ExitCode == 0, trained.Error);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!;
        Assert.Equal("cpu", (string)summary["device"]!);
        Assert.Equal("--device cpu", (string)summary["device_requested"]!);
    }

    [Fact]
    public void TrainsFromGeneratedHdf5FileLikeFromTheBuiltinTask()
    {
        var file = Path.Combine(_work, "heat.h5");
        var generate = CliRunner.Run("--seed", "7", "datasets", "generate", "heat-smoothing-1d", "--samples", "96", "--resolution", "32", "--out", file);
        Assert.True(generate.ExitCode == 0, generate.Error);

        var builtin = WriteConfig(1);
        var fromFile = Path.Combine(_work, "from-file.json");
        File.WriteAllText(fromFile, File.ReadAllText(builtin)
            .Replace("\"builtin\": \"heat-smoothing-1d\", \"samples\": 96, \"resolution\": 32", $"\"path\": \"{file}\""));
        var reference = CliRunner.Run("--threads", "1", "train", builtin, "--out", Path.Combine(_work, "a"));
        Assert.True(reference.ExitCode == 0, reference.Error);
        var result = CliRunner.Run("--threads", "1", "train", fromFile, "--out", Path.Combine(_work, "b"));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(MetricsWithoutTiming(Path.Combine(_work, "a"))[0].ToJsonString(), MetricsWithoutTiming(Path.Combine(_work, "b"))[0].ToJsonString());
    }

    [Fact]
    public void MissingDatasetFileExitsOneWithoutRunFolder()
    {
        var path = Path.Combine(_work, "missing.json");
        File.WriteAllText(path, File.ReadAllText(WriteConfig(1))
            .Replace("\"builtin\": \"heat-smoothing-1d\"", $"\"path\": \"{Path.Combine(_work, "nope.h5")}\""));
        var run = Path.Combine(_work, "missing-run");
        var result = CliRunner.Run("train", path, "--out", run);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope.h5", Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(run));
    }

    [Theory]
    [InlineData("\"epochs\": -3", "epochs: expected a positive integer, got -3")]
    [InlineData("\"bogus_field\": 1", "unknown field 'bogus_field'")]
    [InlineData("\"augment\": \"dihedral\"", "augment: dihedral needs square frames on the last two axes, got samples [1, 32] -> [1, 32]")]
    public void InvalidConfigExitsOneWithoutRunFolder(string field, string message)
    {
        var path = WriteConfig(2, ", " + field);
        if (field.StartsWith("\"epochs\"")) path = WriteConfigWithEpochs(field);
        var run = Path.Combine(_work, "bad");
        var result = CliRunner.Run("train", path, "--out", run);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(message, Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(run));
    }

    private string WriteConfigWithEpochs(string field)
    {
        var path = WriteConfig(2);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"epochs\": 2", field));
        return path;
    }

    [Fact]
    public void ShapeThatDoesNotFitTheModelExitsOneWithoutRunFolder()
    {
        var path = WriteConfig(2);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"kind\": \"fno1d\",", "\"kind\": \"fno1d\", \"in_channels\": 3,"));
        var run = Path.Combine(_work, "shape");
        var result = CliRunner.Run("train", path, "--out", run);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("fno1d expects input samples [3, X], got [1, 32]", Assert.Single(result.ErrorLines));
        Assert.False(Directory.Exists(run));
    }

    [Fact]
    public void ExistingRunFolderIsNotOverwritten()
    {
        var run = Path.Combine(_work, "taken");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "keep.txt"), "precious");
        var result = CliRunner.Run("train", WriteConfig(1), "--out", run);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already exists", Assert.Single(result.ErrorLines));
        Assert.Equal("precious", File.ReadAllText(Path.Combine(run, "keep.txt")));
    }

    [Fact]
    public void SeedOptionReplacesTheConfigSeedAndResultsAggregateTheSeeds()
    {
        var config = WriteConfig(1);
        var runs = Path.Combine(_work, "seeds");
        foreach (var seed in new[] { "3", "4" })
        {
            var folder = Path.Combine(runs, $"seed-{seed}");
            Assert.Equal(0, CliRunner.Run("--threads", "1", "--seed", seed, "train", config, "--out", folder).ExitCode);
            Assert.Equal(0, CliRunner.Run("--threads", "1", "eval", folder).ExitCode);
        }
        double TestError(string seed) =>
            (double)JsonNode.Parse(File.ReadAllText(Path.Combine(runs, $"seed-{seed}", "eval-last.json")))!["test"]!["relative_l2"]!;
        var (a, b) = (TestError("3"), TestError("4"));
        Assert.NotEqual(a, b);
        Assert.Equal(3, (long)JsonNode.Parse(File.ReadAllText(Path.Combine(runs, "seed-3", "config.json")))!["seed"]!);

        var table = Path.Combine(_work, "RESULTS.md");
        var json = Path.Combine(_work, "results.json");
        var result = CliRunner.Run("results", runs, "--out", table, "--json", json);
        Assert.True(result.ExitCode == 0, result.Error);
        var row = JsonNode.Parse(File.ReadAllText(json))!["rows"]![0]!;
        Assert.Equal([3L, 4L], row["seeds"]!.AsArray().Select(s => (long)s!));
        Assert.Equal((a + b) / 2, (double)row["test"]!["relative_l2"]!["mean"]!, 12);
        Assert.Equal(Math.Abs(a - b) / Math.Sqrt(2), (double)row["test"]!["relative_l2"]!["std"]!, 12);
        Assert.Contains("| tiny | fno1d | 3,4 |", File.ReadAllText(table));
    }

    [Fact]
    public void ResultsOfARunWithoutEvalNameTheMissingStep()
    {
        var run = Path.Combine(_work, "unevaluated");
        Assert.Equal(0, CliRunner.Run("--threads", "1", "train", WriteConfig(1), "--out", run).ExitCode);
        var table = Path.Combine(_work, "RESULTS.md");
        var result = CliRunner.Run("results", run, "--out", table);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("run 'workbench eval", Assert.Single(result.ErrorLines));
        Assert.False(File.Exists(table));
    }
}
