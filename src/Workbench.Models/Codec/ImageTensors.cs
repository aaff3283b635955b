using Workbench.Data.Images;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>8-bit images to and from [1, 3, H, W] float tensors in [0, 1]; grey and alpha are made RGB by <see cref="RasterImage.ToRgb"/>.</summary>
public static class ImageTensors
{
    public static Tensor ToTensor(RasterImage image)
    {
        var rgb = image.ToRgb();
        var pixels = rgb.Width * rgb.Height;
        var planes = new float[3 * pixels];
        for (var p = 0; p < pixels; p++)
        for (var c = 0; c < 3; c++)
            planes[c * pixels + p] = rgb.Pixels[3 * p + c] / 255f;
        return tensor(planes, [1, 3, rgb.Height, rgb.Width]);
    }

    /// <summary>Pads right and bottom by edge replication to multiples of <paramref name="multiple"/>.</summary>
    public static Tensor Pad(Tensor x, int multiple)
    {
        var height = x.shape[2];
        var width = x.shape[3];
        var padBottom = (multiple - height % multiple) % multiple;
        var padRight = (multiple - width % multiple) % multiple;
        return padBottom == 0 && padRight == 0 ? x.alias() : nn.functional.pad(x, [0, padRight, 0, padBottom], TorchSharp.PaddingModes.Replicate);
    }

    /// <summary>The top-left width x height of a [1, 3, H, W] tensor as RGB bytes, round(clamp(x, 0, 1) * 255).</summary>
    public static RasterImage ToImage(Tensor x, int width, int height)
    {
        using var scope = NewDisposeScope();
        var cropped = x[0, .., ..height, ..width].clamp(0, 1).mul(255).round().to(ScalarType.Byte).permute(1, 2, 0).contiguous().cpu();
        return new RasterImage(width, height, 3, cropped.data<byte>().ToArray());
    }
}
