using System.Globalization;
using System.Text.Json;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>The provenance attributes of a flow recipe's trajectories: generator, parameters (JSON), seed, protocol, layout.</summary>
internal static class FlowProvenance
{
    public static IReadOnlyDictionary<string, string> Create(IFlowRecipe recipe, long seed, Dictionary<string, object> parameters,
        string protocol) => new Dictionary<string, string>
    {
        ["generator"] = recipe.Generator,
        ["parameters"] = JsonSerializer.Serialize(parameters),
        ["seed"] = seed.ToString(CultureInfo.InvariantCulture),
        ["protocol"] = protocol,
        ["layout"] = "trajectory [frames, x, y] float32, x along axis 1",
    };

    /// <summary>The parameters every recipe records first, in this order: viscosity, grids, time step.</summary>
    public static Dictionary<string, object> CommonParameters(IFlowRecipe recipe) => new()
    {
        ["viscosity"] = recipe.Viscosity,
        ["solver_resolution"] = recipe.SolverResolution,
        ["output_resolution"] = recipe.OutputResolution,
        ["time_step"] = recipe.TimeStep,
    };

    public static string Name(Downsampling downsampling) =>
        downsampling == Downsampling.SpectralTruncation ? "spectral-truncation" : "subsample";
}
