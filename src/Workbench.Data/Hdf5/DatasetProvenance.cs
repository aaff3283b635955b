using System.Reflection;

namespace Workbench.Data.Hdf5;

/// <summary>
/// What produced a dataset: the generator's name, its parameters as one JSON object string, the seed and the
/// workbench version. Stored as root attributes.
/// </summary>
public sealed record DatasetProvenance(string Generator, string ParametersJson, long Seed, string WorkbenchVersion)
{
    public static string CurrentVersion { get; } =
        typeof(DatasetProvenance).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(DatasetProvenance).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static DatasetProvenance Create(string generator, string parametersJson, long seed) =>
        new(generator, parametersJson, seed, CurrentVersion);
}
