using Workbench.Core.Errors;
using Workbench.Training.Sweeps;

namespace Workbench.Tests.Training.Sweeps;

public sealed class SweepFileLoaderTests
{
    private const string Train = """ "train": { "experiments": ["a.json"], "results": "r.md" } """;

    [Fact]
    public void DefaultsFillWhatTheFileLeavesOut()
    {
        var sweep = SweepFileLoader.Parse($$"""{ "name": "s", {{Train}} }""", "s.json");
        Assert.Equal(1, sweep.Resources.Cpus);
        Assert.Equal(0, sweep.Resources.Gpus);
        Assert.Equal(1, sweep.ThreadsPerTask);
        Assert.Equal([0L], sweep.Train!.Seeds);
        Assert.Empty(sweep.Train.Overrides);
        Assert.Null(sweep.Generate);
    }

    [Theory]
    [InlineData("""{ "name": "s", "train": { "experiments": ["a.json"], "results": "r.md", "seed": [1] } }""", "s.json: unknown field 'train.seed'")]
    [InlineData("""{ "name": "s", "gpus": 1, "train": { "experiments": ["a.json"], "results": "r.md" } }""", "s.json: unknown field 'gpus'")]
    [InlineData("""{ "name": "s", "train": { "experiments": ["a.json"] } }""", "s.json: train.results: expected the Markdown table's path (or a 'verify' section)")]
    [InlineData("""{ "name": "s", "train": { "experiments": ["a.json"], "results_json": "r.json", "verify": { "data": "d.h5", "test": "0:1", "out": "v" } } }""", "s.json: train.results_json: the JSON table comes with 'results'")]
    [InlineData("""{ "name": "s", "train": { "experiments": ["a.json"], "seeds": [0, 1], "verify": { "data": "d.h5", "test": "0:1", "out": "v" } } }""", "s.json: train.verify.out: expected {seed} in the prefix (the sweep has several seeds), got 'v'")]
    [InlineData("""{ "name": "s", "train": { "experiments": ["x/a.json"], "verify": { "data": "d.h5", "test": "0:1", "out": "v", "runs": { "n": "b" } } } }""", "s.json: train.verify.runs.n: no variant 'b' (the sweep has: a)")]
    [InlineData("""{ "name": "s", "train": { "experiments": ["a.json"], "verify": { "data": "d.h5", "test": "0:1", "out": "v", "collect": ["python3", "c.py"] } } }""", "s.json: train.verify.collect: expected the word {json} among the arguments (the seeds' JSON files)")]
    [InlineData("""{ "name": "s", "train": { "experiments": ["a.json"], "verify": { "data": "d.h5", "test": "0:1", "out": "v", "checkpoint": "first" } } }""", "s.json: train.verify.checkpoint: expected last or best, got 'first'")]
    [InlineData("""{ "name": "s", "train": { "experiments": ["a.json"], "verify": { "data": "d.h5", "test": "5", "out": "v" } } }""", "s.json: train.verify.test: expected a sample range start:end, got '5'")]
    [InlineData("""{ "name": "s", "train": { "experiments": ["a.json"], "verify": { "test": "0:1", "out": "v" } } }""", "s.json: missing required field 'data' in 'train.verify'")]
    [InlineData("""{ "name": "s" }""", "s.json: expected a 'generate' or a 'train' section (or both)")]
    [InlineData("""{ "name": "a b", "train": { "experiments": ["a.json"], "results": "r.md" } }""", "s.json: name: expected letters, digits, '.', '_' or '-', got 'a b'")]
    [InlineData("""{ "name": "s", "resources": { "time": "2h" }, "train": { "experiments": ["a.json"], "results": "r.md" } }""", "s.json: resources.time: expected minutes, HH:MM:SS or D-HH:MM:SS, got '2h'")]
    [InlineData("""{ "name": "s", "train": { "experiments": ["x/a.json", "y/a.json"], "results": "r.md" } }""", "s.json: train.experiments: two configs share a file name (their run folders would collide)")]
    [InlineData("""{ "name": "s", "train": { "experiments": ["a.json"], "seeds": [1, 1], "results": "r.md" } }""", "s.json: train.seeds: a seed is listed twice")]
    [InlineData("""{ "name": "s", "generate": { "kind": "navier-stokes", "args": ["--out", "x.h5"], "out": "d.h5" } }""", "s.json: generate.args: --out is set by the sweep")]
    [InlineData("""{ "name": "s", "generate": { "kind": "navier-stokes", "args": ["--shard", "0/2"], "shards": 2, "out": "d.h5" } }""", "s.json: generate.args: --shard is set by the sweep when shards > 1")]
    public void BadFilesAreRefusedWithOneLineNamingTheField(string text, string message)
    {
        var error = Assert.Throws<ConfigException>(() => SweepFileLoader.Parse(text, "s.json"));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void OneShardMayNameItsOwnShardOfALargerRecipe()
    {
        var sweep = SweepFileLoader.Parse("""{ "name": "s", "generate": { "kind": "navier-stokes", "args": ["--shard", "0/2"], "out": "d.h5" } }""", "s.json");
        Assert.Equal(["--shard", "0/2"], sweep.Generate!.Args);
    }
}
