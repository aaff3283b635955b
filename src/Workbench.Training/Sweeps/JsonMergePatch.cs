using System.Text.Json.Nodes;

namespace Workbench.Training.Sweeps;

/// <summary>
/// RFC 7396 JSON merge patch: an object patch merges field by field (a null field removes it), anything else replaces
/// the target. Returns a new node; neither argument is changed.
/// </summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject fields) return patch?.DeepClone();
        var result = target is JsonObject original ? (JsonObject)original.DeepClone() : new JsonObject();
        foreach (var (name, value) in fields)
        {
            if (value is null) result.Remove(name);
            else result[name] = Apply(result[name], value);
        }
        return result;
    }
}
