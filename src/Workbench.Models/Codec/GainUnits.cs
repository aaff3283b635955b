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

    /// <summary>
    /// The starting log-gains of levels trained with <paramref name="lambdas"/> from a model trained at
    /// <paramref name="startLambda"/>: ln g = ln(lambda / lambda_0) / 2 on every channel. A gain g divides the quantisation
    /// step of y by g, so the MSE falls as 1 / g^2; the MSE that minimises lambda 255^2 MSE + bpp at high rate scales as
    /// 1 / lambda, hence g = sqrt(lambda / lambda_0), and the inverse gain 1 / g keeps the synthesis input unchanged.
    /// </summary>
    public static double[] StepSizeLogGains(IReadOnlyList<double> lambdas, double startLambda) =>
        lambdas.Select(lambda => Math.Log(lambda / startLambda) / 2).ToArray();

    /// <summary>Sets level i's log-gain to <paramref name="logGains"/>[i] and its log inverse gain to minus that, on every channel.</summary>
    public void Start(IReadOnlyList<double> logGains)
    {
        if (logGains.Count != Levels.Count) throw new ArgumentException($"{Levels.Count} log-gains expected, got {logGains.Count}", nameof(logGains));
        using var _ = no_grad();
        for (var level = 0; level < logGains.Count; level++)
        {
            log_gain[level].fill_(logGains[level]);
            log_inverse_gain[level].fill_(-logGains[level]);
        }
    }

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
