namespace Workbench.Models.Nowcasting.UNet;

/// <summary>A plain U-Net nowcaster: frames as channels, [B, InputFrames, H, W] -> [B, OutputFrames, H, W] (VIL pixels).
/// Channel widths Width * 2^level for level 0..Depth.</summary>
public sealed record UNetOptions(int InputFrames = 6, int OutputFrames = 6, int Width = 16, int Depth = 3, int Groups = 4);
