using System.Text.Json;
using Workbench.Core.Errors;
using Workbench.Models.Inr;

namespace Workbench.Training.Inr;

/// <summary>
/// One fit as the config.json of its run folder: the task and its scale (which carries the seed the model and the SDF
/// points are drawn from), the model and its parameter budget, the optimisation settings and NSTR's choices.
/// </summary>
public sealed record InrFitConfig(string Task, InrKind Model, long Budget, InrFitSettings Settings, InrTaskScale Scale, NstrChoices Nstr)
{
    public string Name => $"{Task}-{Model.ToString().ToLowerInvariant()}-{Budget}";

    public string Serialize() => JsonSerializer.Serialize(this, InrJson.Options);

    public static InrFitConfig Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigException($"{path}: file not found");
        try
        {
            return JsonSerializer.Deserialize<InrFitConfig>(File.ReadAllText(path), InrJson.Options)
                   ?? throw new ConfigException($"{path}: expected a JSON object");
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{path}: {e.Message.ReplaceLineEndings(" ")}");
        }
    }
}
