using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workbench.Models.Operators.Fno;

/// <summary>
/// The JSON of fno1d/fno2d/fno3d specs. Fields written before <see cref="FnoOptions"/> was the JSON are rewritten:
/// <c>modes: 16</c> (1-D), <c>modes1</c>/<c>modes2</c> and <c>init_resolution</c> (2-D). Defaults per kind: 16 modes and
/// a projection of 4 x width in 1-D, 12 x 12 modes in 2-D; 3-D needs its modes.
/// </summary>
internal static class FnoSpecJson
{
    public static void Upgrade(JsonObject json, int dims)
    {
        if (dims == 1)
        {
            if (json["modes"] is null or JsonValue) json["modes"] = new JsonArray(json["modes"]?.DeepClone() ?? 16);
            if (!json.ContainsKey("projection_width"))
                json["projection_width"] = 4 * (json["width"] is JsonValue value && value.TryGetValue<int>(out var width) ? width : 32);
        }
        if (dims == 2)
        {
            if (!json.ContainsKey("modes"))
            {
                json["modes"] = new JsonArray(json["modes1"]?.DeepClone() ?? 12, json["modes2"]?.DeepClone() ?? 12);
                json.Remove("modes1");
                json.Remove("modes2");
            }
            if (json["init_resolution"] is { } resolution && !json.ContainsKey("init_grid"))
            {
                json["init_grid"] = new JsonArray(resolution.DeepClone(), resolution.DeepClone());
                json.Remove("init_resolution");
            }
        }
        if (json["modes"] is null) throw new JsonException($"modes: fno{dims}d expects {dims} mode counts, got none");
        if (json["modes"] is JsonArray modes && modes.Count != dims)
            throw new JsonException($"modes: fno{dims}d expects {dims} mode counts, got {modes.Count}");
    }
}
