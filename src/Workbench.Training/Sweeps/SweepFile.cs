using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Workbench.Training.Sweeps;

/// <summary>
/// A sweep, read from strict snake_case JSON: an optional dataset generation split into shards, then experiment
/// configs x overrides x seeds, with the Slurm resources each task asks for. At least one of generate and train.
/// </summary>
public sealed partial record SweepFile
{
    public required string Name { get; init; }

    /// <summary>The workbench executable the jobs call (default: the one that expands the sweep).</summary>
    public string? Workbench { get; init; }

    /// <summary>--device for every command (default: the command's own auto).</summary>
    public string? Device { get; init; }

    /// <summary>--threads for every command (default: resources.cpus, so a run uses what it was given).</summary>
    public int? Threads { get; init; }

    public SweepResources Resources { get; init; } = new();
    public GenerateStage? Generate { get; init; }
    public TrainStage? Train { get; init; }

    public int ThreadsPerTask => Threads ?? Resources.Cpus;

    public IEnumerable<string> Problems()
    {
        if (!SafeName().IsMatch(Name)) yield return $"name: expected letters, digits, '.', '_' or '-', got '{Name}'";
        if (Generate is null && Train is null) yield return "expected a 'generate' or a 'train' section (or both)";
        if (Threads is < 1) yield return $"threads: expected a positive integer, got {Threads}";
        if (Workbench is "") yield return "workbench: expected the path of the workbench executable";
        foreach (var p in Resources.Problems()) yield return $"resources.{p}";
        foreach (var p in Generate?.Problems() ?? []) yield return $"generate.{p}";
        foreach (var p in Train?.Problems() ?? []) yield return $"train.{p}";
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    internal static partial Regex SafeName();
}

/// <summary>What each array task asks Slurm for; the collection jobs take one CPU of the same partition.</summary>
public sealed partial record SweepResources
{
    public string? Partition { get; init; }
    public int Cpus { get; init; } = 1;
    public int Gpus { get; init; }

    /// <summary>Slurm's time limit per task, e.g. "02:00:00" or "1-00:00:00".</summary>
    public string? Time { get; init; }

    /// <summary>Slurm's memory per node, e.g. "8G".</summary>
    public string? Memory { get; init; }

    /// <summary>At most this many tasks of one array run at once (sbatch --array=...%N).</summary>
    public int? MaxParallel { get; init; }

    public IEnumerable<string> Problems()
    {
        if (Cpus < 1) yield return $"cpus: expected a positive integer, got {Cpus}";
        if (Gpus < 0) yield return $"gpus: expected 0 or more, got {Gpus}";
        if (MaxParallel is < 1) yield return $"max_parallel: expected a positive integer, got {MaxParallel}";
        if (Time is not null && !SlurmTime().IsMatch(Time)) yield return $"time: expected minutes, HH:MM:SS or D-HH:MM:SS, got '{Time}'";
        if (Memory is not null && !SlurmMemory().IsMatch(Memory)) yield return $"memory: expected a size such as 8G or 500M, got '{Memory}'";
        if (Partition is not null && !SweepFile.SafeName().IsMatch(Partition)) yield return $"partition: expected a partition name, got '{Partition}'";
    }

    [GeneratedRegex(@"^(\d+|\d+:\d{2}(:\d{2})?|\d+-\d{1,2}(:\d{2}(:\d{2})?)?)$")]
    private static partial Regex SlurmTime();

    [GeneratedRegex("^[0-9]+[KMGT]?$")]
    private static partial Regex SlurmMemory();
}

/// <summary>
/// <c>workbench datasets generate KIND ARGS</c> with the sweep's seed, as <see cref="Shards"/> array tasks
/// (<c>--shard i/n</c>) merged into <see cref="Out"/>; with one shard the task writes <see cref="Out"/> itself.
/// </summary>
public sealed record GenerateStage
{
    public required string Kind { get; init; }
    public string[] Args { get; init; } = [];
    public long Seed { get; init; }
    public int Shards { get; init; } = 1;
    public required string Out { get; init; }

    public IEnumerable<string> Problems()
    {
        if (!SweepFile.SafeName().IsMatch(Kind)) yield return $"kind: expected a generator name such as navier-stokes, got '{Kind}'";
        if (Shards < 1) yield return $"shards: expected a positive integer, got {Shards}";
        if (string.IsNullOrWhiteSpace(Out)) yield return "out: expected the merged dataset's path";
        foreach (var owned in (string[])["--out", "--seed", "--force"])
            if (Args.Contains(owned)) yield return $"args: {owned} is set by the sweep";
        if (Shards > 1 && Args.Contains("--shard")) yield return "args: --shard is set by the sweep when shards > 1";
    }
}

/// <summary>
/// Every experiment config x override x seed trains into its own run folder and is evaluated; the collection job
/// writes the results table of all of them and/or verifies each seed's nowcasting runs.
/// </summary>
public sealed record TrainStage
{
    public required string[] Experiments { get; init; }
    public long[] Seeds { get; init; } = [0];

    /// <summary>Named JSON merge patches (RFC 7396) applied to every experiment; without any, each runs as written.</summary>
    public Dictionary<string, JsonObject> Overrides { get; init; } = [];

    public string Title { get; init; } = "Results";

    /// <summary>The Markdown results table the collection job writes (optional with <see cref="Verify"/>).</summary>
    public string? Results { get; init; }

    /// <summary>The same table as JSON (optional).</summary>
    public string? ResultsJson { get; init; }

    public VerifyStage? Verify { get; init; }

    /// <summary>The run folder names of the experiments under each override: experiments, then overrides.</summary>
    public IReadOnlyList<(string Name, string Experiment, string? Override)> Variants() =>
        [.. Experiments.SelectMany(experiment =>
        {
            var stem = Path.GetFileNameWithoutExtension(experiment);
            return Overrides.Count == 0
                ? [(stem, experiment, (string?)null)]
                : Overrides.Keys.Select(name => ($"{stem}-{name}", experiment, (string?)name));
        })];

    public IEnumerable<string> Problems()
    {
        if (Experiments.Length == 0) yield return "experiments: expected at least one experiment config";
        if (Seeds.Length == 0) yield return "seeds: expected at least one seed";
        if (Seeds.Distinct().Count() != Seeds.Length) yield return "seeds: a seed is listed twice";
        var stems = Experiments.Select(Path.GetFileNameWithoutExtension).ToList();
        if (stems.Distinct().Count() != stems.Count) yield return "experiments: two configs share a file name (their run folders would collide)";
        foreach (var name in Overrides.Keys.Where(n => !SweepFile.SafeName().IsMatch(n)))
            yield return $"overrides: expected names of letters, digits, '.', '_' or '-', got '{name}'";
        if (Results is null ? Verify is null : string.IsNullOrWhiteSpace(Results))
            yield return "results: expected the Markdown table's path (or a 'verify' section)";
        if (Results is null && ResultsJson is not null) yield return "results_json: the JSON table comes with 'results'";
        foreach (var p in Verify?.Problems([.. Variants().Select(v => v.Name)], Seeds.Length) ?? []) yield return $"verify.{p}";
    }
}
