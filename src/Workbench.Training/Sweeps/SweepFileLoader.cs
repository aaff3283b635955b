using System.Text.Json;
using System.Text.Json.Serialization;
using Workbench.Training.Config;

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

    public static SweepFile Load(string path) => Parse(ExperimentConfigLoader.ReadText(path), path);

    public static SweepFile Parse(string text, string origin) => ExperimentConfigLoader.Parse<SweepFile>(text, origin, s => s.Problems(), Json);
}
