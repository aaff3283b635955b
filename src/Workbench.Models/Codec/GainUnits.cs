using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Gain units (Cui et al. 2021, "Asymmetric gained deep image compression with continuous rate adaptation"): per quality
/// level a positive gain vector g on y's M channels, applied to the analysis output before quantisation, and an inverse
/// gain vector g' applied to y_hat before the synthesis. Both are stored as logarithms (log_gain, log_inverse_gain:
/// [levels, M]), which keeps them positive and makes zeros the identity. Between levels i and i + 1 at fraction l the
/// vectors interpolate exponentially, g = g_i^(1 - l) g_(i+1)^l, i.e. linearly in the logarithms.
/// </summary>
public sealed class GainUnits : nn.Module
{
    private readonly Parameter log_gain;
    private readonly Parameter log_inverse_gain;

    public GainUnits(RateLevels levels, int channels) : base(nameof(GainUnits))
    {
        levels.Validate();
        Levels = levels;
        log_gain = nn.Parameter(zeros(levels.Count, channels));
        log_inverse_gain = nn.Parameter(zeros(levels.Count, channels));
        RegisterComponents();
    }

    public RateLevels Levels { get; }

    /// <summary>g at <paramref name="quality"/>, shaped [1, M, 1, 1] to scale y.</summary>
    public Tensor Gain(CodecQuality quality) => Interpolated(log_gain, quality);

    /// <summary>g' at <paramref name="quality"/>, shaped [1, M, 1, 1] to scale y_hat.</summary>
    public Tensor InverseGain(CodecQuality quality) => Interpolated(log_inverse_gain, quality);

    private Tensor Interpolated(Tensor logs, CodecQuality quality)
    {
        var (level, fraction) = Levels.Position(quality);
        var log = fraction == 0 ? logs[level] : logs[level] * (1 - fraction) + logs[level + 1] * fraction;
        return log.exp().reshape(1, -1, 1, 1);
    }
}
