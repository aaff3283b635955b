using Workbench.Core.Errors;

namespace Workbench.Models.Codec;

/// <summary>
/// HCFSSNet (Pan et al., arXiv 2511.20151). The paper gives neither channel counts nor entropy-model details; these are
/// our choices, sized like the CPU-trainable <see cref="ScaleHyperpriorOptions"/> defaults for a fair comparison.
/// N: channels of the transforms and of z; M: channels of y. StateSize: states of each scan; ChunkLength: steps per
/// chunk of the parallel scan (memory O(T * ChunkLength) per head, no effect on the result); Directions: the VONSS scan
/// orders; ScanExpansion: VONSS inner channels per input channel; ScanHeadSize: channels sharing one step size and decay
/// (Mamba-2 heads; 1 gives Mamba's per-channel steps, larger is cheaper); FrequencyWindow: the AFMM's DCT window;
/// ModulationHidden: width of the AFMM's gain MLP; AttentionWindow and AttentionHeads: the FSTAM's window attention,
/// which runs on the stride-16 map, so the window must divide 4. RateLevels: as in <see cref="ScaleHyperpriorOptions"/>.
/// EntropyModel: how y is coded (zero-mean scale or mean-scale, as for the <see cref="ScaleHyperprior"/>).
/// VfssStrides: where g_a and g_s have <see cref="VfssBlock"/>s (the paper's places, 4 and 8, by default; at 16 the scans
/// run on the M channels of y, so ScanHeadSize must divide M * ScanExpansion too). FstamInHyperSynthesis: an
/// <see cref="FstamBlock"/> also in h_s, before its last convolution; such a model trains and is measured by its
/// estimated rate, but cannot code files (the decoder's bit-exact h_s has no attention).
/// </summary>
public sealed record HcfssnetOptions(
    int N = 64,
    int M = 96,
    int StateSize = 8,
    int ChunkLength = 16,
    ScanDirections Directions = ScanDirections.All,
    int ScanExpansion = 1,
    int ScanHeadSize = 16,
    int FrequencyWindow = 8,
    int ModulationHidden = 16,
    int AttentionWindow = 4,
    int AttentionHeads = 4,
    RateLevels? RateLevels = null,
    EntropyModel EntropyModel = EntropyModel.Scale,
    VfssStrides VfssStrides = VfssStrides.Stride4 | VfssStrides.Stride8,
    bool FstamInHyperSynthesis = false)
{
    public const int PadMultiple = ScaleHyperpriorOptions.PadMultiple;
    private const int HyperAnalysisMultiple = PadMultiple / 16;

    public void Validate()
    {
        if (N < 1 || M < 1) throw new ConfigException($"hcfssnet: channel counts must be positive, got N = {N}, M = {M}.");
        if (StateSize < 1) throw new ConfigException($"hcfssnet: the state size must be positive, got {StateSize}.");
        if (ChunkLength < 2) throw new ConfigException($"hcfssnet: the chunk length must be at least 2, got {ChunkLength}.");
        if (Directions == 0 || (Directions & ~ScanDirections.All) != 0)
            throw new ConfigException($"hcfssnet: expected a non-empty set of scan directions, got {Directions}.");
        if (ScanExpansion < 1) throw new ConfigException($"hcfssnet: the scan expansion must be positive, got {ScanExpansion}.");
        if ((VfssStrides & ~(VfssStrides.Stride2 | VfssStrides.Stride4 | VfssStrides.Stride8 | VfssStrides.Stride16)) != 0)
            throw new ConfigException($"hcfssnet: unknown VFSS strides {VfssStrides}.");
        if (ScanHeadSize < 1) throw new ConfigException($"hcfssnet: ScanHeadSize must be positive, got {ScanHeadSize}.");
        if ((VfssStrides & ~VfssStrides.Stride16) != 0 && N * ScanExpansion % ScanHeadSize != 0)
            throw new ConfigException($"hcfssnet: ScanHeadSize = {ScanHeadSize} must divide the {N * ScanExpansion} scan channels.");
        if (VfssStrides.Contains(16) && M * ScanExpansion % ScanHeadSize != 0)
            throw new ConfigException($"hcfssnet: ScanHeadSize = {ScanHeadSize} must divide the {M * ScanExpansion} scan channels of the VFSS block at stride 16 (M = {M}).");
        if (FrequencyWindow < 1) throw new ConfigException($"hcfssnet: the frequency window must be positive, got {FrequencyWindow}.");
        if (ModulationHidden < 1) throw new ConfigException($"hcfssnet: the modulation width must be positive, got {ModulationHidden}.");
        if (AttentionWindow < 1 || HyperAnalysisMultiple % AttentionWindow != 0)
            throw new ConfigException($"hcfssnet: the attention window must divide {HyperAnalysisMultiple}, got {AttentionWindow}.");
        if (AttentionHeads < 1 || N % AttentionHeads != 0)
            throw new ConfigException($"hcfssnet: N = {N} must split into AttentionHeads = {AttentionHeads} heads.");
        RateLevels?.Validate();
        if (!Enum.IsDefined(EntropyModel)) throw new ConfigException($"hcfssnet: unknown entropy model {EntropyModel}.");
    }
}
