using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Workbench.Core.Errors;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>
/// A figure recipe file (experiments/figures/NAME.json): which builder makes it, the seed, and the builder's
/// parameters at full scale and in a quick variant. Same recipe, same seed: the same CSV data.
/// </summary>
public sealed record FigureRecipe
{
    public required string Name { get; init; }
    public required string Builder { get; init; }
    public string Description { get; init; } = "";
    public long Seed { get; init; }
    public required JsonObject Full { get; init; }
    public required JsonObject Quick { get; init; }

    /// <summary>The folder the recipe was read from; paths inside parameters are relative to it.</summary>
    [JsonIgnore]
    public string Folder { get; init; } = ".";

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static FigureRecipe Load(string path)
    {
        try
        {
            var recipe = JsonSerializer.Deserialize<FigureRecipe>(File.ReadAllText(path), Json)
                         ?? throw new ConfigException($"{path}: expected a JSON object");
            return recipe with { Folder = Path.GetDirectoryName(Path.GetFullPath(path))! };
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{path}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>Reads this recipe's parameters (quick or full) strictly into the builder's parameter record.</summary>
    public T Parameters<T>(bool quick)
    {
        try
        {
            return (quick ? Quick : Full).Deserialize<T>(Json) ?? throw new ConfigException($"{Name}: missing parameters");
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{Name} ({(quick ? "quick" : "full")}): {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}

/// <summary>Turns a recipe into figures.</summary>
public interface IFigureBuilder
{
    string Name { get; }
    IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick);
}
