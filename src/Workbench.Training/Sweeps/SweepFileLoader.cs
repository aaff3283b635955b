using System.Text.Json;
using System.Text.Json.Serialization;
using Workbench.Core.Errors;

namespace Workbench.Training.Sweeps;

/// <summary>Reads sweep files strictly: an unknown field, a missing required one or a bad value is one line naming it.</summary>
public static class SweepFileLoader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
    };

    public static SweepFile Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigException($"{path}: file not found");
        return Parse(File.ReadAllText(path), path);
    }

    public static SweepFile Parse(string text, string origin)
    {
        SweepFile? sweep;
        try
        {
            sweep = JsonSerializer.Deserialize<SweepFile>(text, Json);
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{origin}: {Describe(e)}");
        }
        if (sweep is null) throw new ConfigException($"{origin}: expected a JSON object");
        var problem = sweep.Problems().FirstOrDefault();
        return problem is null ? sweep : throw new ConfigException($"{origin}: {problem}");
    }

    private static string Describe(JsonException e)
    {
        var message = e.Message.ReplaceLineEndings(" ");
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        var field = e.Path?.TrimStart('$').TrimStart('.') ?? "";
        if (message.Contains("could not be mapped to any .NET member"))
        {
            var start = message.IndexOf('\'') + 1;
            var name = message[start..message.IndexOf('\'', start)];
            return $"unknown field '{(field.Length == 0 ? name : field)}'";
        }
        if (message.Contains("missing required properties"))
        {
            var start = message.IndexOf("properties including: ", StringComparison.Ordinal);
            var names = start >= 0 ? message[(start + 22)..].TrimEnd('.') : "";
            return $"missing required field {names}{(field.Length == 0 ? "" : $" in '{field}'")}";
        }
        return field.Length == 0 ? message : $"{field}: {message}";
    }
}
