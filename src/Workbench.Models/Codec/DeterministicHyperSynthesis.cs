using TorchSharp.Modules;
using Workbench.Models.Layers;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// The hyper-synthesis h_s evaluated in plain C# doubles with one fixed summation order, for the Gaussian scale
/// indexes the decoder needs: library convolutions may sum in a different order per thread count or CPU, and one
/// flipped index desynchronises the whole stream. Layers: transposed 5x5 stride 2 (padding 2, output padding 1),
/// 3x3 stride 1 (padding 1) and ReLU, as built by <see cref="CodecLayers"/>. It decorates layers of the model's
/// hyper-synthesis (all of them, or the trunk and heads of the mean-scale model) for coding: training and the forward
/// pass use the modules themselves.
/// </summary>
public sealed class DeterministicHyperSynthesis
{
    private readonly List<Layer> _layers = [];

    internal DeterministicHyperSynthesis(Sequential hyperSynthesis) : this(hyperSynthesis.children())
    {
    }

    internal DeterministicHyperSynthesis(IEnumerable<nn.Module> layers)
    {
        foreach (var module in layers)
        {
            _layers.Add(module switch
            {
                ConvTranspose2d up => new Layer(LayerKind.Up, Weights(up.weight!), Weights(up.bias!), (int)up.weight!.shape[0], (int)up.weight.shape[1]),
                SameConv3x3 same => new Layer(LayerKind.Same, Weights(same.Weight), Weights(same.Bias), (int)same.Weight.shape[1], (int)same.Weight.shape[0]),
                ReLU => new Layer(LayerKind.Relu, [], [], 0, 0),
                _ => throw new NotSupportedException($"hyper synthesis layer {module.GetName()} has no deterministic evaluation"),
            });
        }
    }

    /// <summary>h_s(z) for z [C, H, W] given as a flat channel-major array; returns the output and its size.</summary>
    public (double[] Values, int Channels, int Height, int Width) Evaluate(double[] z, int channels, int height, int width)
    {
        var (x, c, h, w) = (z, channels, height, width);
        foreach (var layer in _layers)
        {
            switch (layer.Kind)
            {
                case LayerKind.Up:
                    x = UpConvolve(layer, x, h, w);
                    (c, h, w) = (layer.Outputs, 2 * h, 2 * w);
                    break;
                case LayerKind.Same:
                    x = SameConvolve(layer, x, h, w);
                    c = layer.Outputs;
                    break;
                default:
                    for (var i = 0; i < x.Length; i++) x[i] = Math.Max(x[i], 0);
                    break;
            }
        }
        return (x, c, h, w);
    }

    private static double[] UpConvolve(Layer layer, double[] x, int h, int w)
    {
        const int k = 5, pad = 2;
        int oh = 2 * h, ow = 2 * w;
        var output = new double[layer.Outputs * oh * ow];
        for (var o = 0; o < layer.Outputs; o++)
        {
            var plane = output.AsSpan(o * oh * ow, oh * ow);
            plane.Fill(layer.Bias[o]);
            for (var i = 0; i < layer.Inputs; i++)
            for (var ky = 0; ky < k; ky++)
            for (var kx = 0; kx < k; kx++)
            {
                var weight = layer.Weight[((i * layer.Outputs + o) * k + ky) * k + kx];
                for (var iy = 0; iy < h; iy++)
                {
                    var oy = 2 * iy - pad + ky;
                    if (oy < 0 || oy >= oh) continue;
                    for (var ix = 0; ix < w; ix++)
                    {
                        var ox = 2 * ix - pad + kx;
                        if (ox >= 0 && ox < ow) plane[oy * ow + ox] += x[(i * h + iy) * w + ix] * weight;
                    }
                }
            }
        }
        return output;
    }

    private static double[] SameConvolve(Layer layer, double[] x, int h, int w)
    {
        const int k = 3, pad = 1;
        var output = new double[layer.Outputs * h * w];
        for (var o = 0; o < layer.Outputs; o++)
        {
            var plane = output.AsSpan(o * h * w, h * w);
            plane.Fill(layer.Bias[o]);
            for (var i = 0; i < layer.Inputs; i++)
            for (var ky = 0; ky < k; ky++)
            for (var kx = 0; kx < k; kx++)
            {
                var weight = layer.Weight[((o * layer.Inputs + i) * k + ky) * k + kx];
                for (var y = 0; y < h; y++)
                {
                    var iy = y - pad + ky;
                    if (iy < 0 || iy >= h) continue;
                    for (var xo = 0; xo < w; xo++)
                    {
                        var ix = xo - pad + kx;
                        if (ix >= 0 && ix < w) plane[y * w + xo] += x[(i * h + iy) * w + ix] * weight;
                    }
                }
            }
        }
        return output;
    }

    private static double[] Weights(Tensor t) => t.detach().cpu().to(ScalarType.Float64).contiguous().data<double>().ToArray();

    private enum LayerKind { Up, Same, Relu }

    private sealed record Layer(LayerKind Kind, double[] Weight, double[] Bias, int Inputs, int Outputs);
}
