using System.Text.Json;
using Workbench.Training.Config;

namespace Workbench.Training.Sweeps;

/// <summary>Reads sweep files strictly: an unknown field, a missing required one or a bad value is one line naming it.</summary>
public static class SweepFileLoader
{
    /// <summary>The experiment files' strict options, with nullability respected: a null where a value is required is an error.</summary>
    private static readonly JsonSerializerOptions Json = new(ExperimentConfigLoader.Json) { RespectNullableAnnotations = true };

    public static SweepFile Load(string path) => Parse(ExperimentConfigLoader.ReadText(path), path);

    public static SweepFile Parse(string text, string origin) => ExperimentConfigLoader.Parse<SweepFile>(text, origin, s => s.Problems(), Json);
}
