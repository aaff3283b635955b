using System.Text.Json;
using System.Text.Json.Serialization;
using Workbench.Core.Errors;
using Workbench.Models.Specs;

namespace Workbench.Training.Config;

/// <summary>Reads and writes experiment configs strictly: unknown fields, missing required ones and bad values are errors.</summary>
public static class ExperimentConfigLoader
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowOutOfOrderMetadataProperties = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    public static ExperimentConfig Load(string path) => Parse(ReadText(path), path);

    public static ExperimentConfig Parse(string text, string origin) => Parse<ExperimentConfig>(text, origin, c => c.Problems());

    /// <summary>The text of a config file, or a one-line error.</summary>
    public static string ReadText(string path)
    {
        if (!File.Exists(path)) throw new ConfigException($"{path}: file not found");
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw new ConfigException($"{path}: cannot read ({e.Message})");
        }
    }

    /// <summary>
    /// Reads a config record strictly (with <see cref="Json"/> unless <paramref name="options"/> are given) and checks it with
    /// <paramref name="problems"/>: a JSON error or the first problem is one line naming the field.
    /// </summary>
    public static T Parse<T>(string text, string origin, Func<T, IEnumerable<string>> problems, JsonSerializerOptions? options = null) where T : class
    {
        T? config;
        try
        {
            config = JsonSerializer.Deserialize<T>(text, options ?? Json);
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{origin}: {Describe(e)}");
        }
        catch (NotSupportedException e)
        {
            throw new ConfigException($"{origin}: {OneLine(e.Message)}");
        }
        if (config is null) throw new ConfigException($"{origin}: expected a JSON object");
        var problem = problems(config).FirstOrDefault();
        if (problem is not null) throw new ConfigException($"{origin}: {problem}");
        return config;
    }

    public static string Serialize<T>(T config) => JsonSerializer.Serialize(config, Json);

    private static string Describe(JsonException e)
    {
        var message = OneLine(e.Message);
        var pathAt = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (pathAt >= 0) message = message[..pathAt];
        var fullPath = e.Path + (e as NestedJsonException)?.RelativePath;
        var field = fullPath is { Length: > 0 } path ? path.TrimStart('$').TrimStart('.') : null;
        if (message.Contains("could not be mapped to any .NET member"))
        {
            var start = message.IndexOf('\'') + 1;
            var name = message[start..message.IndexOf('\'', start)];
            return $"unknown field '{(string.IsNullOrEmpty(field) ? name : field)}'";
        }
        if (message.Contains("missing required properties"))
        {
            var start = message.IndexOf("properties including: ", StringComparison.Ordinal);
            var names = start >= 0 ? message[(start + 22)..].TrimEnd('.') : "";
            return $"missing required field {names}{(string.IsNullOrEmpty(field) ? "" : $" in '{field}'")}";
        }
        return string.IsNullOrEmpty(field) ? message : $"{field}: {message}";
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
