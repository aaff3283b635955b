using TorchSharp;
using TorchSharp.Modules;
using Workbench.Models.Layers;

namespace Workbench.Models.Codec;

/// <summary>The convolutions of the hyperprior transforms: 5x5 stride-2 down/up-sampling and 3x3 stride-1, size-preserving.</summary>
internal static class CodecLayers
{
    public static Conv2d Down(long input, long output) => torch.nn.Conv2d(input, output, 5, stride: 2, padding: 2);

    public static ConvTranspose2d Up(long input, long output) => torch.nn.ConvTranspose2d(input, output, 5, stride: 2, padding: 2, output_padding: 1);

    public static SameConv3x3 Same(long input, long output) => new(input, output);
}
