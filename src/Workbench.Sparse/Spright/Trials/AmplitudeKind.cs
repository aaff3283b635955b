using System.Text.Json.Serialization;

namespace Workbench.Sparse.Spright.Trials;

/// <summary>Distribution of the planted nonzero Walsh coefficients.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AmplitudeKind>))]
public enum AmplitudeKind
{
    /// <summary>+1 or -1 with equal probability.</summary>
    PlusMinusOne,

    /// <summary>Standard normal.</summary>
    Gaussian,
}
