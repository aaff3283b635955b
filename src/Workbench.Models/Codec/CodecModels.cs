using Workbench.Core.Errors;

namespace Workbench.Models.Codec;

/// <summary>
/// The learned codecs by identifier and by name, built from their channel counts, their quality levels for a
/// variable-rate model, their entropy model and, for HCFSSNet, its <see cref="HcfssnetArchitecture"/> (other options at
/// defaults).
/// </summary>
public static class CodecModels
{
    public static readonly IReadOnlyList<string> Names = ["hyperprior", "hcfssnet"];

    public static string Name(CodecModelId model) => model switch
    {
        CodecModelId.Hyperprior => "hyperprior",
        CodecModelId.Hcfssnet => "hcfssnet",
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };

    public static CodecModelId Parse(string name) => name switch
    {
        "hyperprior" => CodecModelId.Hyperprior,
        "hcfssnet" => CodecModelId.Hcfssnet,
        _ => throw new ConfigException($"codec: unknown model '{name}' (known: {string.Join(", ", Names)})"),
    };

    public static LearnedImageCodec Create(CodecModelId model, int n, int m, RateLevels? levels = null, EntropyModel entropyModel = EntropyModel.Scale,
        HcfssnetArchitecture? hcfssnet = null) =>
        model switch
        {
            CodecModelId.Hyperprior when hcfssnet is not null =>
                throw new ConfigException("codec: hcfssnet options describe an hcfssnet model, not the hyperprior"),
            CodecModelId.Hyperprior => new ScaleHyperprior(new ScaleHyperpriorOptions(n, m, levels, entropyModel)),
            CodecModelId.Hcfssnet => new Hcfssnet((hcfssnet ?? new HcfssnetArchitecture()).Options(n, m, levels, entropyModel)),
            _ => throw new ArgumentOutOfRangeException(nameof(model)),
        };
}
