using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Core.IO;
using Workbench.Training.Config;

namespace Workbench.Training.Sweeps;

/// <summary>
/// A sweep expanded into its phases (generation, then training) and their tasks, with every task's folder under one
/// sweep folder. Task order, and so every array index, follows the sweep file: shards 0..n-1; experiments, then
/// overrides, then seeds.
/// </summary>
public sealed class SweepPlan
{
    private readonly IReadOnlyList<Variant> _variants;

    private SweepPlan(SweepFile sweep, SweepLayout layout, IReadOnlyList<Variant> variants, IReadOnlyList<SweepPhase> phases) =>
        (Sweep, Layout, _variants, Phases) = (sweep, layout, variants, phases);

    public SweepFile Sweep { get; }
    public SweepLayout Layout { get; }
    public IReadOnlyList<SweepPhase> Phases { get; }

    /// <summary>One experiment config as it trains: the file it comes from and the override applied to it, if any.</summary>
    private sealed record Variant(string Name, string Experiment, string? Override, JsonObject? Patch);

    public static SweepPlan Create(SweepFile sweep, string sweepFolder)
    {
        var layout = new SweepLayout(sweepFolder);
        string[] global = [.. sweep.Device is { } device ? ["--device", device] : Array.Empty<string>(),
            "--threads", sweep.ThreadsPerTask.ToString(CultureInfo.InvariantCulture)];
        var phases = new List<SweepPhase>();
        if (sweep.Generate is { } generate)
        {
            var shards = Enumerable.Range(0, generate.Shards)
                .Select(i => new ShardTask(generate, i, generate.Shards > 1 ? layout.Shard(i, generate.Shards) : generate.Out, global))
                .ToList();
            phases.Add(new GenerationPhase(generate, shards));
        }
        var variants = new List<Variant>();
        if (sweep.Train is { } train)
        {
            variants.AddRange(train.Variants().Select(v => new Variant(v.Name, v.Experiment, v.Override, v.Override is { } name ? train.Overrides[name] : null)));
            var runs = variants
                .SelectMany(v => train.Seeds.Select(seed => new TrainTask(v.Name, layout.ConfigFor(v.Name), seed, layout.RunFor(v.Name, seed), global)))
                .ToList();
            phases.Add(new TrainingPhase(train, layout, runs, global));
        }
        return new SweepPlan(sweep, layout, variants, phases);
    }

    public SweepPhase Phase(string name) =>
        Phases.FirstOrDefault(p => p.Name == name)
        ?? throw new WorkbenchException($"sweep {Sweep.Name}: has no {name} phase (it has: {string.Join(", ", Phases.Select(p => p.Name))})");

    public SweepTask Task(string phase, int index)
    {
        var tasks = Phase(phase).Tasks;
        return index >= 0 && index < tasks.Count
            ? tasks[index]
            : throw new WorkbenchException($"sweep {Sweep.Name}: {phase} has tasks 0..{tasks.Count - 1}, not {index}");
    }

    /// <summary>
    /// Copies the sweep file and every experiment variant into the sweep folder, where the tasks read them: a config
    /// edited after submission changes nothing. A folder holding another sweep (or other configs) is refused.
    /// </summary>
    public void Freeze(string sweepFile)
    {
        var sameFile = Path.GetFullPath(sweepFile) == Path.GetFullPath(Layout.SweepPath);
        if (!sameFile) WriteOnce(Layout.SweepPath, File.ReadAllText(sweepFile), $"its sweep.json differs from {sweepFile}");
        foreach (var variant in _variants)
        {
            var path = Layout.ConfigFor(variant.Name);
            if (sameFile && File.Exists(path)) continue;
            var text = ConfigText(variant);
            ExperimentConfigLoader.Parse(text, variant.Override is null ? variant.Experiment : $"{variant.Experiment} with override '{variant.Override}'");
            WriteOnce(path, text, $"its {Path.GetFileName(path)} differs from {variant.Experiment}" + (variant.Override is null ? "" : $" with override '{variant.Override}'"));
        }
    }

    private void WriteOnce(string path, string text, string difference)
    {
        if (File.Exists(path))
        {
            if (File.ReadAllText(path) != text)
                throw new WorkbenchException($"{Layout.Root}: holds another sweep ({difference}); use another --out");
            return;
        }
        AtomicFile.WriteAllText(path, text);
    }

    private static string ConfigText(Variant variant)
    {
        if (!File.Exists(variant.Experiment)) throw new ConfigException($"{variant.Experiment}: file not found");
        var text = File.ReadAllText(variant.Experiment);
        if (variant.Patch is null) return text;
        JsonNode? original;
        try
        {
            original = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{variant.Experiment}: malformed JSON ({e.Message.ReplaceLineEndings(" ")})");
        }
        if (original is not JsonObject { } config || config["name"] is not JsonValue name || name.GetValueKind() != JsonValueKind.String)
            throw new ConfigException($"{variant.Experiment}: expected a JSON object with a string field 'name'");
        var merged = JsonMergePatch.Apply(config, variant.Patch)!.AsObject();
        // Each override is its own row of the results table, unless the override names the row itself.
        if (!variant.Patch.ContainsKey("name")) merged["name"] = $"{name.GetValue<string>()}-{variant.Override}";
        return merged.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
