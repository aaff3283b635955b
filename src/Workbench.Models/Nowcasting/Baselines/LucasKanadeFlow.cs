using TorchSharp;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.Baselines;

/// <summary>
/// Dense Lucas-Kanade motion (pixels per frame, [2, H, W] with channel 0 along x = width) from a frame sequence.
/// For each consecutive pair, brightness constancy I1(x) = I0(x - u) is linearised and solved per pixel in a Gaussian
/// window (sigma <see cref="WindowSigma"/>) by least squares with a small Tikhonov term; the estimate is refined by
/// warping I0 with the current motion and solving for the remaining displacement (<see cref="Iterations"/> times).
/// The pairs' fields are averaged, weighted by each pixel's gradient energy, and smoothed with a Gaussian of sigma
/// <see cref="SmoothingSigma"/> (textureless areas take their motion from the neighbourhood, as in pySTEPS' dense
/// interpolation of sparse vectors).
/// </summary>
public sealed record LucasKanadeFlow(double WindowSigma = 4, int Iterations = 6, double SmoothingSigma = 6, double Regularisation = 1e-4)
{
    public Tensor Estimate(Tensor frames)
    {
        if (frames.dim() != 3 || frames.shape[0] < 2)
            throw new ArgumentException($"optical flow: expected frames [T >= 2, H, W], got [{string.Join(", ", frames.shape)}]");
        using var scope = NewDisposeScope();
        var x = frames.to(float64) / 255.0;
        Tensor? weighted = null, weights = null;
        for (var t = 1; t < x.shape[0]; t++)
        {
            var (flow, energy) = Pair(x[t - 1], x[t]);
            weighted = weighted is null ? flow * energy : weighted + flow * energy;
            weights = weights is null ? energy : weights + energy;
        }
        var smoothWeights = GaussianSmoothing.Apply(weights!, SmoothingSigma);
        var motion = GaussianSmoothing.Apply(weighted!, SmoothingSigma) / smoothWeights.clamp_min(1e-12);
        return motion.to(frames.dtype).MoveToOuterDisposeScope();
    }

    private (Tensor Flow, Tensor Energy) Pair(Tensor first, Tensor second)
    {
        var (height, width) = (first.shape[0], first.shape[1]);
        var flow = zeros(2, height, width, float64, first.device);
        var pixels = Pixels(height, width, first.device);
        Tensor energy = zeros(1, height, width, float64, first.device);
        for (var i = 0; i < Iterations; i++)
        {
            var warped = SemiLagrangian.Sample(first.reshape(1, 1, height, width), (pixels - flow.permute(1, 2, 0)).unsqueeze(0))[0, 0];
            var (gx, gy) = Gradients((warped + second) / 2);
            var gt = second - warped;
            Tensor Window(Tensor t) => GaussianSmoothing.Apply(t.unsqueeze(0), WindowSigma)[0];
            var (sxx, sxy, syy) = (Window(gx * gx), Window(gx * gy), Window(gy * gy));
            var (sxt, syt) = (Window(gx * gt), Window(gy * gt));
            var (a, c) = (sxx + Regularisation, syy + Regularisation);
            var determinant = a * c - sxy * sxy;
            // Solve [[a, sxy], [sxy, c]] du = -[sxt, syt].
            var du = (-(c * sxt) + sxy * syt) / determinant;
            var dv = (-(a * syt) + sxy * sxt) / determinant;
            flow = flow + stack([du, dv]);
            energy = (sxx + syy).unsqueeze(0);
        }
        return (flow, energy);
    }

    private static (Tensor X, Tensor Y) Gradients(Tensor image)
    {
        var padded = nn.functional.pad(image.reshape(1, 1, image.shape[0], image.shape[1]), [1, 1, 1, 1], PaddingModes.Replicate)[0, 0];
        var gx = (padded.narrow(1, 2, image.shape[1]) - padded.narrow(1, 0, image.shape[1])).narrow(0, 1, image.shape[0]) / 2;
        var gy = (padded.narrow(0, 2, image.shape[0]) - padded.narrow(0, 0, image.shape[0])).narrow(1, 1, image.shape[1]) / 2;
        return (gx, gy);
    }

    private static Tensor Pixels(long height, long width, Device device)
    {
        var xs = arange(width, float64, device).reshape(1, width).expand(height, width);
        var ys = arange(height, float64, device).reshape(height, 1).expand(height, width);
        return stack([xs, ys], -1);
    }
}
