using TorchSharp.Modules;
using Workbench.Models.Layers;
using static TorchSharp.torch;

namespace Workbench.Models.Codec.Latent;

/// <summary>
/// The hyper-synthesis of a mean-scale model. The layers of h_s before its last convolution form the trunk that both
/// heads read; the scale head is h_s's last convolution and ReLU (the scale model's output, unchanged), the mean head
/// one more 3x3 convolution without an activation (means may be negative). Minnen et al. also share one h_s between
/// means and scales; keeping the scale layers as they are lets a scale model's weights start a mean-scale one.
/// </summary>
internal sealed class MeanScaleHyperSynthesis
{
    private readonly nn.Module[] _trunk;
    private readonly nn.Module[] _scaleHead;
    private readonly SameConv3x3 _meanHead;

    public MeanScaleHyperSynthesis(Sequential hyperSynthesis, SameConv3x3 meanHead)
    {
        var layers = hyperSynthesis.children().ToArray();
        var last = Array.FindLastIndex(layers, layer => layer is SameConv3x3);
        if (last < 1) throw new ArgumentException("the hyper synthesis needs layers before a last 3x3 convolution to share with a mean head");
        (_trunk, _scaleHead, _meanHead) = (layers[..last], layers[last..], meanHead);
    }

    /// <summary>The scales and means of y from z_hat, in the library's arithmetic (training and the forward pass).</summary>
    public (Tensor Scales, Tensor Means) Forward(Tensor zHat)
    {
        var features = Run(_trunk, zHat);
        return (Run(_scaleHead, features), _meanHead.forward(features));
    }

    /// <summary>The latent codec that evaluates the same layers in fixed-order doubles.</summary>
    public MeanScaleLatentCodec Codec(Func<Tensor, Tensor> hyperAnalysis, EntropyBottleneck bottleneck, int latentChannels, int hyperStride) =>
        new(hyperAnalysis, bottleneck, new DeterministicHyperSynthesis(_trunk), new DeterministicHyperSynthesis(_scaleHead),
            new DeterministicHyperSynthesis([_meanHead]), latentChannels, hyperStride);

    private static Tensor Run(IEnumerable<nn.Module> layers, Tensor x) =>
        layers.Aggregate(x, (input, layer) => ((nn.Module<Tensor, Tensor>)layer).forward(input));
}
