using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.Baselines;

/// <summary>Separable Gaussian blur of fields [C, H, W] (radius 3 sigma, replicated borders).</summary>
public static class GaussianSmoothing
{
    public static Tensor Apply(Tensor fields, double sigma)
    {
        using var scope = NewDisposeScope();
        var radius = Math.Max(1, (int)Math.Ceiling(3 * sigma));
        var taps = Enumerable.Range(-radius, 2 * radius + 1).Select(i => Math.Exp(-i * i / (2 * sigma * sigma))).ToArray();
        var total = taps.Sum();
        var kernel = tensor(taps.Select(v => v / total).ToArray(), fields.dtype, fields.device);
        var (channels, height, width) = (fields.shape[0], fields.shape[1], fields.shape[2]);
        var x = fields.reshape(channels, 1, height, width);
        x = nn.functional.pad(x, [radius, radius, radius, radius], PaddingModes.Replicate);
        x = nn.functional.conv2d(x, kernel.reshape(1, 1, 1, -1));
        x = nn.functional.conv2d(x, kernel.reshape(1, 1, -1, 1));
        return x.reshape(channels, height, width).MoveToOuterDisposeScope();
    }
}
