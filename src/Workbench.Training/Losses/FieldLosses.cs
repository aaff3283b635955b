using TorchSharp;
using Workbench.Spectral.Sobolev;
using static TorchSharp.torch;

namespace Workbench.Training.Losses;

/// <summary>
/// Losses and metrics on batches of fields [B, ...]; each returns the per-sample values [B] so callers can average
/// over samples (never over pixels of differently sized batches).
/// </summary>
public static class FieldLosses
{
    public static Tensor MsePerSample(Tensor prediction, Tensor target) =>
        (prediction - target).square().flatten(1).mean([1]);

    /// <summary>
    /// The pinball loss mean(max(q e, (q - 1) e)) with e = y - p per sample: minimised by the q-quantile of the target's
    /// distribution, so q above 0.5 forecasts an intensity exceeded with probability 1 - q instead of the mean.
    /// </summary>
    public static Tensor QuantilePerSample(Tensor prediction, Tensor target, double quantile)
    {
        var error = (target - prediction).flatten(1);
        return maximum(quantile * error, (quantile - 1) * error).mean([1]);
    }

    /// <summary>||p - y||_2 / ||y||_2 per sample.</summary>
    public static Tensor RelativeL2PerSample(Tensor prediction, Tensor target)
    {
        var error = (prediction - target).flatten(1).norm(1);
        var scale = target.flatten(1).norm(1);
        return error / scale.clamp_min(1e-30);
    }

    /// <summary>
    /// ||p - y||_{H^s} / ||y||_{H^s} per sample on periodic fields [B, ..., H, W]: squared norms of every 2-D slice
    /// of a sample (channels, time) are added before the square root.
    /// </summary>
    public static Tensor RelativeSobolevPerSample(Tensor prediction, Tensor target, SobolevSpace space)
    {
        var error = space.SquaredNorm(prediction - target).flatten(1).sum([1]);
        var scale = space.SquaredNorm(target).flatten(1).sum([1]);
        return (error / scale.clamp_min(1e-60)).sqrt();
    }

    /// <summary>10 log10(range^2 / mse) per sample with range = max(y) - min(y) of that sample.</summary>
    public static Tensor PsnrPerSample(Tensor prediction, Tensor target)
    {
        var flat = target.flatten(1);
        var range = flat.amax([1]) - flat.amin([1]);
        var mse = MsePerSample(prediction, target).clamp_min(1e-30);
        return 10 * torch.log10(range.square() / mse);
    }
}
