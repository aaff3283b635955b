using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Fno;

/// <summary>The coordinate channels an FNO concatenates to its input: one per spatial axis, k / n in [0, 1).</summary>
public static class GridCoordinates
{
    /// <summary>[B, d, n_1, ..., n_d] for channels-first x of shape [B, C, n_1, ..., n_d], on x's device and dtype.</summary>
    public static Tensor Like(Tensor x)
    {
        var sizes = x.shape.Skip(2).ToArray();
        var d = sizes.Length;
        var channels = new Tensor[d];
        for (var i = 0; i < d; i++)
        {
            var shape = Enumerable.Repeat(1L, d).ToArray();
            shape[i] = sizes[i];
            var axis = linspace(0, 1, sizes[i] + 1, dtype: x.dtype, device: x.device).narrow(0, 0, sizes[i]).reshape(shape);
            channels[i] = axis.expand(sizes);
        }
        return stack(channels, 0).unsqueeze(0).expand(new long[] { x.shape[0], d }.Concat(sizes).ToArray());
    }
}
