using System.Text.Json;
using System.Text.Json.Serialization;

namespace Workbench.Training.Inr;

/// <summary>How INR configs and results are written: snake_case names and enums, NaN and infinities by name (an SDF with no zero crossing has an infinite Chamfer distance).</summary>
public static class InrJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
