using TorchSharp;
using Workbench.Spectral.Sobolev;
using Workbench.Training.Config;

namespace Workbench.Training.Losses;

/// <summary>Maps config names to loss and metric functions.</summary>
public static class Objectives
{
    private static readonly SobolevSpace HMinus1 = new(-1);
    private static readonly SobolevSpace H1 = new(1);

    public static Func<torch.Tensor, torch.Tensor, torch.Tensor> PerSample(ExperimentConfig config) => config.Loss switch
    {
        LossKind.Mse => FieldLosses.MsePerSample,
        LossKind.RelativeL2 => FieldLosses.RelativeL2PerSample,
        LossKind.RelativeHMinus1 => (p, y) => FieldLosses.RelativeSobolevPerSample(p, y, HMinus1),
        LossKind.RelativeH1 => (p, y) => FieldLosses.RelativeSobolevPerSample(p, y, H1),
        LossKind.Quantile => (p, y) => FieldLosses.QuantilePerSample(p, y, config.Quantile),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Loss, null),
    };

    public static Func<torch.Tensor, torch.Tensor, torch.Tensor> PerSample(MetricKind kind) => kind switch
    {
        MetricKind.Mse => FieldLosses.MsePerSample,
        MetricKind.RelativeL2 => FieldLosses.RelativeL2PerSample,
        MetricKind.Psnr => FieldLosses.PsnrPerSample,
        MetricKind.RelativeHMinus1 => (p, y) => FieldLosses.RelativeSobolevPerSample(p, y, HMinus1),
        MetricKind.RelativeH1 => (p, y) => FieldLosses.RelativeSobolevPerSample(p, y, H1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Name(MetricKind kind) => kind switch
    {
        MetricKind.Mse => "mse",
        MetricKind.RelativeL2 => "relative_l2",
        MetricKind.Psnr => "psnr",
        MetricKind.RelativeHMinus1 => "relative_h_minus1",
        MetricKind.RelativeH1 => "relative_h1",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Whether a larger value of the metric is better (PSNR) or worse (errors).</summary>
    public static bool HigherIsBetter(MetricKind kind) => kind == MetricKind.Psnr;
}
