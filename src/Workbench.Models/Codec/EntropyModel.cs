using System.Text.Json.Serialization;
using Workbench.Core.Errors;

namespace Workbench.Models.Codec;

/// <summary>
/// How a learned codec codes its latent y given the hyperprior. Scale: y ~ N(0, sigma^2) with sigma from the
/// hyper-synthesis (Balle et al. 2018, "bmshj2018-hyperprior"). MeanScale: the hyper-synthesis also predicts means mu,
/// round(y - mu) is coded under N(0, sigma^2) and y_hat = round(y - mu) + mu (Minnen et al. 2018, "mbt2018-mean").
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntropyModel>))]
public enum EntropyModel : byte
{
    [JsonStringEnumMemberName("scale")]
    Scale = 0,

    [JsonStringEnumMemberName("mean_scale")]
    MeanScale = 1,
}

/// <summary>The entropy models by name, as configs and the command line spell them.</summary>
public static class EntropyModels
{
    public static readonly IReadOnlyList<string> Names = ["scale", "mean_scale"];

    public static string Name(EntropyModel model) => model switch
    {
        EntropyModel.Scale => "scale",
        EntropyModel.MeanScale => "mean_scale",
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    public static EntropyModel Parse(string name) => name switch
    {
        "scale" => EntropyModel.Scale,
        "mean_scale" => EntropyModel.MeanScale,
        _ => throw new ConfigException($"codec: unknown entropy model '{name}' (known: {string.Join(", ", Names)})"),
    };
}
