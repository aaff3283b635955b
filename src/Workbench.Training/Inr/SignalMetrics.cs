using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>Scores of a reconstruction against its target.</summary>
public static class SignalMetrics
{
    /// <summary>PSNR in dB of values in [-1, 1], measured on the [0, 1] scale (peak 1): 10 log10(4 / MSE).</summary>
    public static double Psnr(Tensor prediction, Tensor target)
    {
        using var scope = NewDisposeScope();
        var mse = (prediction.clamp(-1, 1) - target).square().mean().to(ScalarType.Float64).item<double>();
        return 10 * Math.Log10(4 / mse);
    }

    /// <summary>SNR in dB: 10 log10(sum target^2 / sum (prediction - target)^2).</summary>
    public static double Snr(Tensor prediction, Tensor target)
    {
        using var scope = NewDisposeScope();
        var signal = target.to(ScalarType.Float64).square().sum().item<double>();
        var noise = (prediction.to(ScalarType.Float64) - target.to(ScalarType.Float64)).square().sum().item<double>();
        return 10 * Math.Log10(signal / noise);
    }
}
