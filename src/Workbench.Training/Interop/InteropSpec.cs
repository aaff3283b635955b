using System.Text.Json;
using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Models.Codec;
using Workbench.Models.Specs;
using Workbench.Training.Codec;
using Workbench.Training.Config;

namespace Workbench.Training.Interop;

/// <summary>
/// The JSON that travels with an exported state dict: <c>format</c> ("workbench-state-dict"), <c>version</c> (1),
/// <c>model</c> (the model section of an experiment file, <c>kind</c> included: for an operator run its config's model,
/// for a codec {kind, n, m}), <c>derived_spec</c> (what the checkpoint stores beyond the config, e.g. T1's modes),
/// <c>checkpoint</c>, <c>epoch</c> and <c>step</c> of the source, for a codec its <c>quality</c> (for a variable-rate
/// codec instead its <c>first_quality</c> and <c>lambdas</c>, one quality level per lambda) and, when it came
/// from a trained-models folder, <c>codec_info</c> (that folder's NAME-qQ.json), and <c>names</c>: how the names
/// relate to the workbench's (see <see cref="FnoSpectralBlocks"/>).
/// </summary>
public static class InteropSpec
{
    public const string Format = "workbench-state-dict";
    public const int Version = 1;

    public static readonly JsonSerializerOptions CodecJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static JsonObject ForOperator(ModelSpec model, JsonObject derived, string checkpoint, long epoch, long step, bool fno) => new()
    {
        ["format"] = Format,
        ["version"] = Version,
        ["model"] = JsonSerializer.SerializeToNode(model, ExperimentConfigLoader.Json),
        ["derived_spec"] = derived,
        ["checkpoint"] = checkpoint,
        ["epoch"] = epoch,
        ["step"] = step,
        ["names"] = fno ? "spectral.L.weight as per-corner blocks spectral.L.weightsK [c_in, c_out, m_1, ..., m_d, 2]" : "workbench names",
    };

    public static JsonObject ForCodec(CodecModelConfig model, int quality, IReadOnlyList<double>? lambdas, CodecCheckpointInfo? info, string? checkpoint,
        long? epoch, long? step)
    {
        var spec = new JsonObject
        {
            ["format"] = Format,
            ["version"] = Version,
            ["model"] = JsonSerializer.SerializeToNode(model, ExperimentConfigLoader.Json),
        };
        if (lambdas is null) spec["quality"] = quality;
        else
        {
            spec["first_quality"] = quality;
            spec["lambdas"] = new JsonArray(lambdas.Select(l => (JsonNode?)l).ToArray());
        }
        spec["names"] = "workbench names; entropy_bottleneck.cdfs, cdf_lengths and offsets are left out (rebuilt from the density on import)";
        if (info is not null) spec["codec_info"] = JsonSerializer.SerializeToNode(info, CodecJson);
        if (checkpoint is not null) spec["checkpoint"] = checkpoint;
        if (epoch is not null) spec["epoch"] = epoch;
        if (step is not null) spec["step"] = step;
        return spec;
    }

    /// <summary>The <c>model</c> section of a workbench spec as an experiment's model config, or null when the spec has none.</summary>
    public static T? Model<T>(JsonObject? spec, string origin) where T : class
    {
        if (spec?["model"] is not JsonObject model) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(model.ToJsonString(), ExperimentConfigLoader.Json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            throw new DataFileException($"{origin}: its workbench spec has an unreadable model section ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    /// <summary>A variable-rate codec's first quality and lambdas from a workbench spec; null when the spec has no lambdas.</summary>
    public static (int FirstQuality, IReadOnlyList<double> Lambdas)? RateLevels(JsonObject? spec, string origin)
    {
        if (spec?["lambdas"] is null) return null;
        var lambdas = new List<double>();
        if (spec["first_quality"] is JsonValue first && first.TryGetValue<int>(out var quality) && spec["lambdas"] is JsonArray { Count: > 0 } values)
        {
            foreach (var value in values)
                if (value is JsonValue number && number.TryGetValue<double>(out var lambda)) lambdas.Add(lambda);
            if (lambdas.Count == values.Count) return (quality, lambdas);
        }
        throw new DataFileException($"{origin}: its workbench spec needs an integer first_quality beside lambdas, a list of numbers");
    }

    public static CodecCheckpointInfo? CodecInfo(JsonObject? spec, string origin)
    {
        if (spec?["codec_info"] is not JsonObject info) return null;
        try
        {
            return JsonSerializer.Deserialize<CodecCheckpointInfo>(info.ToJsonString(), CodecJson);
        }
        catch (JsonException e)
        {
            throw new DataFileException($"{origin}: its workbench spec has an unreadable codec_info ({e.Message.ReplaceLineEndings(" ")})");
        }
    }
}
