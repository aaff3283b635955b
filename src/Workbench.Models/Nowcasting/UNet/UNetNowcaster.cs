using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.UNet;

/// <summary>
/// The plain-network baseline: frames / 255 as channels, a U-Net (double 3x3 conv blocks, 2x2 max-pool down,
/// bilinear up to the skip's size, concatenation), a 1x1 output, times 255. No wavelet split and no residual to
/// the last frame: what WADEPre adds is measured against this.
/// </summary>
public sealed class UNetNowcaster : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<DoubleConv> down;
    private readonly ModuleList<DoubleConv> up;
    private readonly Conv2d output;

    public UNetNowcaster(UNetOptions options) : base(nameof(UNetNowcaster))
    {
        options.Validate();
        Options = options;
        int Channels(int level) => options.Width << level;
        down = new ModuleList<DoubleConv>(Enumerable.Range(0, options.Depth + 1)
            .Select(l => new DoubleConv(l == 0 ? options.InputFrames : Channels(l - 1), Channels(l), options.Groups)).ToArray());
        up = new ModuleList<DoubleConv>(Enumerable.Range(0, options.Depth)
            .Select(l => new DoubleConv(Channels(l + 1) + Channels(l), Channels(l), options.Groups)).ToArray());
        output = nn.Conv2d(Channels(0), options.OutputFrames, 1);
        RegisterComponents();
    }

    public UNetOptions Options { get; }

    public static string? CheckShapes(UNetOptions options, long[] input, long[] target)
    {
        if (input.Length != 3 || input[0] != options.InputFrames)
            return $"unet expects input samples [{options.InputFrames}, H, W], got [{string.Join(", ", input)}]";
        if (target.Length != 3 || target[0] != options.OutputFrames || target[1] != input[1] || target[2] != input[2])
            return $"unet expects target samples [{options.OutputFrames}, {input[1]}, {input[2]}], got [{string.Join(", ", target)}]";
        return null;
    }

    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 4 || x.shape[1] != Options.InputFrames)
            throw new ArgumentException($"unet: expected input [B, {Options.InputFrames}, H, W], got [{string.Join(", ", x.shape)}]");
        using var scope = NewDisposeScope();
        var skips = new List<Tensor>();
        var h = x / 255.0;
        for (var l = 0; l < down.Count; l++)
        {
            if (l > 0) h = nn.functional.max_pool2d(h, 2, 2);
            h = down[l].forward(h);
            skips.Add(h);
        }
        for (var l = Options.Depth - 1; l >= 0; l--)
        {
            var skip = skips[l];
            h = nn.functional.interpolate(h, [skip.shape[2], skip.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
            h = up[l].forward(cat([h, skip], 1));
        }
        return (output.forward(h) * 255.0).MoveToOuterDisposeScope();
    }
}
