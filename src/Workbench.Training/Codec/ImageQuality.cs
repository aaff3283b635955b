using Workbench.Data.Images;
using static TorchSharp.torch;

namespace Workbench.Training.Codec;

/// <summary>
/// Full-reference quality of 8-bit images of equal size: PSNR over all channels (peak 255), SSIM and MS-SSIM
/// (Wang, Simoncelli, Bovik 2003) per channel on [0, 1] with an 11-tap Gaussian window (sigma 1.5, 'valid' filtering),
/// K1 = 0.01, K2 = 0.03; MS-SSIM uses 5 scales, weights 0.0448 0.2856 0.3001 0.2363 0.1333, 2x2 average pooling
/// (odd edge dropped), contrast-structure terms clipped at 0, then the channel mean. Needs at least 176 x 176 pixels.
/// </summary>
public static class ImageQuality
{
    private static readonly double[] ScaleWeights = [0.0448, 0.2856, 0.3001, 0.2363, 0.1333];
    private const double C1 = 0.01 * 0.01;
    private const double C2 = 0.03 * 0.03;
    private const int WindowSize = 11;

    public static double Psnr(RasterImage a, RasterImage b)
    {
        CheckPair(a, b);
        var sum = 0.0;
        for (var i = 0; i < a.Pixels.Length; i++)
        {
            double d = a.Pixels[i] - b.Pixels[i];
            sum += d * d;
        }
        var mse = sum / a.Pixels.Length;
        return mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    public static double Ssim(RasterImage a, RasterImage b)
    {
        CheckPair(a, b);
        using var scope = NewDisposeScope();
        return SsimAndContrast(Planes(a), Planes(b)).Ssim.mean().item<double>();
    }

    public static double MsSsim(RasterImage a, RasterImage b)
    {
        CheckPair(a, b);
        var smallest = WindowSize << (ScaleWeights.Length - 1);
        if (a.Width < smallest || a.Height < smallest)
            throw new ArgumentException($"MS-SSIM needs images of at least {smallest} x {smallest}, got {a.Width} x {a.Height}");
        using var scope = NewDisposeScope();
        var (x, y) = (Planes(a), Planes(b));
        var product = ones(x.shape[0], ScalarType.Float64);
        for (var i = 0; i < ScaleWeights.Length; i++)
        {
            var (ssim, contrast) = SsimAndContrast(x, y);
            var term = i == ScaleWeights.Length - 1 ? ssim : contrast;
            product *= term.clamp_min(0).pow(ScaleWeights[i]);
            x = nn.functional.avg_pool2d(x, 2);
            y = nn.functional.avg_pool2d(y, 2);
        }
        return product.mean().item<double>();
    }

    /// <summary>Per-channel means of the SSIM map and of the contrast-structure map.</summary>
    private static (Tensor Ssim, Tensor Contrast) SsimAndContrast(Tensor x, Tensor y)
    {
        var window = GaussianWindow();
        Tensor Filter(Tensor t) => nn.functional.conv2d(t, window);
        var (mx, my) = (Filter(x), Filter(y));
        var sxx = Filter(x * x) - mx * mx;
        var syy = Filter(y * y) - my * my;
        var sxy = Filter(x * y) - mx * my;
        var contrast = (2 * sxy + C2) / (sxx + syy + C2);
        var ssim = (2 * mx * my + C1) / (mx * mx + my * my + C1) * contrast;
        return (ssim.mean([1L, 2L, 3L]), contrast.mean([1L, 2L, 3L]));
    }

    private static Tensor GaussianWindow()
    {
        var g = new double[WindowSize];
        for (var i = 0; i < WindowSize; i++) g[i] = Math.Exp(-(i - 5) * (i - 5) / (2 * 1.5 * 1.5));
        var sum = g.Sum();
        var g1 = tensor(g.Select(v => v / sum).ToArray());
        return outer(g1, g1).reshape(1, 1, WindowSize, WindowSize);
    }

    /// <summary>The image as [C, 1, H, W] float64 in [0, 1].</summary>
    private static Tensor Planes(RasterImage image) =>
        tensor(image.Pixels.Select(p => p / 255.0).ToArray(), [image.Height, image.Width, image.Channels]).permute(2, 0, 1).unsqueeze(1).contiguous();

    private static void CheckPair(RasterImage a, RasterImage b)
    {
        if (a.Width != b.Width || a.Height != b.Height || a.Channels != b.Channels)
            throw new ArgumentException($"images differ in size: {a.Width}x{a.Height}x{a.Channels} vs {b.Width}x{b.Height}x{b.Channels}");
    }
}
