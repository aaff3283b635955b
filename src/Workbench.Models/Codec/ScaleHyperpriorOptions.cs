using Workbench.Core.Errors;

namespace Workbench.Models.Codec;

/// <summary>
/// Scale hyperprior (Balle et al. 2018, "bmshj2018-hyperprior"). N: channels of the transforms and of z; M: channels of
/// the latent y. The paper and CompressAI use (128, 192) at low rates and (192, 320) at high rates; the defaults here
/// (64, 96) are sized for CPU training. Total stride 16 for y and 64 for z: images are padded to a multiple of 64.
/// RateLevels: the quality levels of a variable-rate model (<see cref="GainUnits"/>); null (the default) gives a
/// fixed-rate model, whose weights hold no gains. EntropyModel: how y is coded (the zero-mean scale model of the paper,
/// or mean-scale with a mean head).
/// </summary>
public sealed record ScaleHyperpriorOptions(int N = 64, int M = 96, RateLevels? RateLevels = null, EntropyModel EntropyModel = EntropyModel.Scale)
{
    public const int PadMultiple = 64;

    public void Validate()
    {
        if (N < 1 || M < 1) throw new ConfigException($"scale hyperprior: channel counts must be positive, got N = {N}, M = {M}.");
        RateLevels?.Validate();
        if (!Enum.IsDefined(EntropyModel)) throw new ConfigException($"scale hyperprior: unknown entropy model {EntropyModel}.");
    }
}
