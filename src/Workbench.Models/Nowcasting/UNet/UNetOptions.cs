using TorchSharp;
using Workbench.Models.Specs;

namespace Workbench.Models.Nowcasting.UNet;

/// <summary>A plain U-Net nowcaster: frames as channels, [B, InputFrames, H, W] -> [B, OutputFrames, H, W] (VIL pixels).
/// Channel widths Width * 2^level for level 0..Depth. Kind unet_nowcast.</summary>
public sealed record UNetOptions(int InputFrames = 6, int OutputFrames = 6, int Width = 16, int Depth = 3, int Groups = 4) : ModelSpec
{
    public override string Kind => "unet_nowcast";

    public override torch.nn.Module<torch.Tensor, torch.Tensor> Build(TrainingData? data) => new UNetNowcaster(this);

    public override string? CheckShapes(long[] inputSample, long[] targetSample) => UNetNowcaster.CheckShapes(this, inputSample, targetSample);

    public override IEnumerable<string> Problems()
    {
        foreach (var p in NonPositive(("input_frames", InputFrames), ("output_frames", OutputFrames), ("width", Width), ("depth", Depth), ("groups", Groups)))
            yield return p;
        if (Width % Math.Max(1, Groups) != 0) yield return $"width: {Width} is not divisible by groups = {Groups}";
    }
}
