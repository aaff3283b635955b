using System.Text.Json.Serialization;

namespace Workbench.Models.Codec;

/// <summary>
/// The HCFSSNet options an experiment or a checkpoint description may set, as the JSON object <c>hcfssnet</c>
/// (<c>{"scan_head_size": 16, "vfss_strides": [4, 8], "fstam_in_hyper_synthesis": false}</c>, each field optional);
/// see <see cref="HcfssnetOptions"/>. The defaults are the model's, so a missing object builds today's HCFSSNet.
/// </summary>
public sealed record HcfssnetArchitecture(
    int ScanHeadSize = 16,
    [property: JsonConverter(typeof(VfssStridesJsonConverter))] VfssStrides VfssStrides = VfssStrides.Stride4 | VfssStrides.Stride8,
    bool FstamInHyperSynthesis = false)
{
    /// <summary>Null for the default architecture (what descriptions write, so that default models keep their files' bytes).</summary>
    public static HcfssnetArchitecture? UnlessDefault(HcfssnetArchitecture? architecture) => architecture == new HcfssnetArchitecture() ? null : architecture;

    public HcfssnetOptions Options(int n, int m, RateLevels? levels, EntropyModel entropyModel) =>
        new(n, m, ScanHeadSize: ScanHeadSize, RateLevels: levels, EntropyModel: entropyModel, VfssStrides: VfssStrides,
            FstamInHyperSynthesis: FstamInHyperSynthesis);
}
