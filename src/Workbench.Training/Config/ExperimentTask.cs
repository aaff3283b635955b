using System.Text.Json;
using Workbench.Core.Errors;

namespace Workbench.Training.Config;

/// <summary>
/// Which kind of training an experiment file describes: its top-level <c>task</c> field, <c>codec</c> for a learned
/// image codec (<see cref="Codec.CodecExperimentConfig"/>); files without it are operator and nowcasting experiments
/// (<see cref="ExperimentConfig"/>).
/// </summary>
public static class ExperimentTask
{
    public const string Codec = "codec";

    public static bool IsCodec(string path) => Of(ExperimentConfigLoader.ReadText(path), path) == Codec;

    private static string? Of(string text, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("task", out var task)
                ? task.ValueKind == JsonValueKind.String ? task.GetString() : throw new ConfigException($"{origin}: task: expected a string")
                : null;
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{origin}: not valid JSON ({e.Message.ReplaceLineEndings(" ")})");
        }
    }
}
