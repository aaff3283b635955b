using System.Text.Json.Nodes;

namespace Workbench.Tests.Cli;

// The CLI sets process-wide TorchSharp state (threads, seed): run alone.
[Collection(Training.TrainingRunCollection.Name)]
public sealed class SprightCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-spright-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void NoiselessTrialsRecoverEveryInstanceAndWriteJson()
    {
        var json = Path.Combine(_folder, "s.json");
        var result = CliRunner.Run("--seed", "5", "spright", "--n", "14", "--k", "8", "--trials", "10", "--json", json);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("success      10/10", result.Output);
        var report = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.Equal(10, (int)report["successes"]!);
        Assert.True((double)report["samples_fraction_of_n"]! < 0.5);
        Assert.Equal(10, report["outcomes"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("61", "5", "n")]
    [InlineData("12", "5000", "")]
    public void BadOptionsAreOneLineUserErrors(string n, string k, string mentions)
    {
        var json = Path.Combine(_folder, "bad.json");
        var result = CliRunner.Run("spright", "--n", n, "--k", k, "--json", json);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: spright: ", Assert.Single(result.ErrorLines));
        Assert.Contains(mentions, result.Error);
        Assert.False(File.Exists(json));
    }
}
