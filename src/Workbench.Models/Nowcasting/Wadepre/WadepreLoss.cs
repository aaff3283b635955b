using Workbench.Spectral.Wavelets;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.Wadepre;

/// <summary>
/// WADEPre's training loss per sample (REFERENCES section 7), on the internal scale:
/// L(out, y) + a(step) ZNCC(A_pred, A_y) + lambda_D sum_l 2^-l MSE(D_l) + lambda_m MSE((AD + A_rec + D_rec) / 3, y),
/// where L is the experiment's reconstruction loss (MSE in the paper; the quantile loss is our option for sharper extremes),
/// with level l = 1 the finest (so finer details weigh more), MSE(D_l) the mean over the three orientations, and
/// ZNCC(p, t) = 0.5 (1 - rho) with rho the Pearson correlation of each frame's band, averaged over frames.
/// </summary>
public static class WadepreLoss
{
    public static Tensor PerSample(WadepreComponents predicted, WaveletCoefficients2D truth, Tensor target, WadepreOptions options, double znccWeight,
        Func<Tensor, Tensor, Tensor> reconstruction)
    {
        using var scope = NewDisposeScope();
        var loss = reconstruction(predicted.Output, target) + znccWeight * Zncc(predicted.Approximation, truth.Approximation);
        var levels = truth.Levels;
        for (var i = 0; i < levels; i++)
        {
            var (p, t) = (predicted.Details[i], truth.Details[i]);
            var level = levels - i;
            var detail = (Mse(p.Horizontal, t.Horizontal) + Mse(p.Vertical, t.Vertical) + Mse(p.Diagonal, t.Diagonal)) / 3;
            loss = loss + options.DetailWeight * Math.Pow(2, -level) * detail;
        }
        var mix = (predicted.Combined + predicted.ApproximationOnly + predicted.DetailOnly) / 3;
        loss = loss + options.MixWeight * Mse(mix, target);
        return loss.MoveToOuterDisposeScope();
    }

    public static Tensor Mse(Tensor prediction, Tensor target) => (prediction - target).square().flatten(1).mean([1]);

    /// <summary>0.5 (1 - rho) per frame of [B, T, h, w], averaged over T: [B].</summary>
    public static Tensor Zncc(Tensor prediction, Tensor target)
    {
        using var scope = NewDisposeScope();
        var p = prediction.flatten(2);
        var t = target.flatten(2);
        p = p - p.mean([2], keepdim: true);
        t = t - t.mean([2], keepdim: true);
        // The clamp keeps the gradient finite for a constant band (an empty radar frame has zero variance).
        var rho = (p * t).sum([2]) / (p.square().sum([2]) * t.square().sum([2])).clamp_min(1e-12).sqrt();
        return (0.5 * (1 - rho)).mean([1]).MoveToOuterDisposeScope();
    }
}
