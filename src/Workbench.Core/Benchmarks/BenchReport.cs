using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Core.IO;

namespace Workbench.Core.Benchmarks;

/// <summary>A suite's results in the bench JSON contract: suite, device, threads, results[name, params, value, unit, peer, peer_value, ratio].</summary>
public sealed record BenchReport(string Suite, string Device, int Threads, IReadOnlyList<BenchResult> Results)
{
    public JsonObject ToJson()
    {
        var results = new JsonArray();
        foreach (var r in Results)
        {
            var parameters = new JsonObject();
            foreach (var (key, value) in r.Params) parameters[key] = JsonSerializer.SerializeToNode(value);
            results.Add(new JsonObject
            {
                ["name"] = r.Name,
                ["params"] = parameters,
                ["value"] = r.Value,
                ["unit"] = r.Unit,
                ["peer"] = r.Peer,
                ["peer_value"] = r.PeerValue,
                ["ratio"] = r.Ratio,
            });
        }
        return new JsonObject { ["suite"] = Suite, ["device"] = Device, ["threads"] = Threads, ["results"] = results };
    }

    public void Save(string path) =>
        AtomicFile.WriteAllText(path, ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");

    public string ToTable()
    {
        var lines = new List<string> { $"suite {Suite} on {Device}, {Threads} thread(s)" };
        foreach (var r in Results)
        {
            var parameters = string.Join(" ", r.Params.Select(p => $"{p.Key}={p.Value}"));
            var peer = r.Peer is null ? "" : $"   vs {r.Peer} {r.PeerValue:G4} {r.Unit} (ratio {r.Ratio:G3})";
            lines.Add($"  {r.Name,-28} {parameters,-40} {r.Value,12:G4} {r.Unit}{peer}");
        }
        return string.Join('\n', lines);
    }
}
