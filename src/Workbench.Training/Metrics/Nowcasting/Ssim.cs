using static TorchSharp.torch;

namespace Workbench.Training.Metrics.Nowcasting;

/// <summary>
/// Structural similarity (Wang et al. 2004) of frames [N, H, W]: an 11 x 11 Gaussian window with sigma 1.5 evaluated
/// only where it fits inside the frame (no padding), population (not sample) moments, C1 = (0.01 L)^2,
/// C2 = (0.03 L)^2 with L the data range; returns the mean SSIM map of each frame, [N].
/// </summary>
public static class Ssim
{
    public const int WindowSize = 11;
    public const double Sigma = 1.5;

    public static Tensor PerFrame(Tensor prediction, Tensor truth, double dataRange)
    {
        if (prediction.dim() != 3 || !prediction.shape.SequenceEqual(truth.shape))
            throw new ArgumentException($"SSIM expects two [N, H, W] tensors of one shape, got [{string.Join(", ", prediction.shape)}] and [{string.Join(", ", truth.shape)}]");
        if (prediction.shape[1] < WindowSize || prediction.shape[2] < WindowSize)
            throw new ArgumentException($"SSIM needs frames of at least {WindowSize} x {WindowSize}, got {prediction.shape[1]} x {prediction.shape[2]}");
        using var scope = NewDisposeScope();
        var x = prediction.to(ScalarType.Float64).unsqueeze(1);
        var y = truth.to(ScalarType.Float64).unsqueeze(1);
        var window = Window(x.device);
        Tensor Mean(Tensor t) => nn.functional.conv2d(t, window);
        var (muX, muY) = (Mean(x), Mean(y));
        var varX = Mean(x * x) - muX * muX;
        var varY = Mean(y * y) - muY * muY;
        var cov = Mean(x * y) - muX * muY;
        var c1 = Math.Pow(0.01 * dataRange, 2);
        var c2 = Math.Pow(0.03 * dataRange, 2);
        var map = (2 * muX * muY + c1) * (2 * cov + c2) / ((muX * muX + muY * muY + c1) * (varX + varY + c2));
        return scope.MoveToOuter(map.flatten(1).mean([1]));
    }

    private static Tensor Window(Device device)
    {
        var radius = WindowSize / 2;
        var g = Enumerable.Range(-radius, WindowSize).Select(i => Math.Exp(-i * i / (2 * Sigma * Sigma))).ToArray();
        var total = g.Sum();
        var kernel = new double[WindowSize * WindowSize];
        for (var i = 0; i < WindowSize; i++)
        for (var j = 0; j < WindowSize; j++)
            kernel[i * WindowSize + j] = g[i] * g[j] / (total * total);
        return tensor(kernel, [1, 1, WindowSize, WindowSize], ScalarType.Float64, device);
    }
}
