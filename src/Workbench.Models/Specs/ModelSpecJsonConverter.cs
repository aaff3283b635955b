using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Workbench.Models.Specs;

/// <summary>
/// Reads a <see cref="ModelSpec"/> as <c>{"kind": ..., options}</c> through <see cref="ModelRegistry"/> and writes it back
/// with <c>kind</c> first. A kind may share its record with others (fno1d/2d/3d are one <c>FnoOptions</c>), which the
/// serializer's own type discriminators cannot express.
/// </summary>
public sealed class ModelSpecJsonConverter : JsonConverter<ModelSpec>
{
    public override ModelSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (JsonSerializer.Deserialize<JsonNode>(ref reader, options) is not JsonObject json)
            throw new JsonException("expected a JSON object with a 'kind'");
        if (!json.TryGetPropertyValue("kind", out var kindNode) || kindNode is not JsonValue kindValue
            || !kindValue.TryGetValue<string>(out var kind))
            throw new JsonException($"missing 'kind' (one of {string.Join(", ", ModelRegistry.Kinds)})");
        var entry = ModelRegistry.Find(kind);
        json.Remove("kind");
        try
        {
            entry.Upgrade(json);
            return (ModelSpec?)json.Deserialize(entry.SpecType, options) ?? throw new JsonException("expected a JSON object");
        }
        catch (JsonException e) when (e.Path is { Length: > 1 } path)
        {
            throw new NestedJsonException(path.TrimStart('$'), e);
        }
    }

    public override void Write(Utf8JsonWriter writer, ModelSpec value, JsonSerializerOptions options)
    {
        var fields = JsonSerializer.SerializeToNode(value, value.GetType(), options)!.AsObject();
        var json = new JsonObject { ["kind"] = value.Kind };
        foreach (var (name, node) in fields.ToList())
        {
            fields.Remove(name);
            json[name] = node;
        }
        json.WriteTo(writer, options);
    }
}

/// <summary>A JSON error inside a nested document; <see cref="RelativePath"/> (".width") continues the outer path.</summary>
public sealed class NestedJsonException(string relativePath, JsonException inner)
    : JsonException(WithoutPath(inner.Message), inner)
{
    public string RelativePath { get; } = relativePath;

    private static string WithoutPath(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at >= 0 ? message[..at] : message;
    }
}
