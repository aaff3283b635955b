using Workbench.Core.Errors;
using Workbench.Data.Images;
using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>Images as coordinate -> colour signals on the pixel-centre grid linspace(-1, 1) per axis, values 2 p / 255 - 1.</summary>
public static class ImageSignals
{
    /// <summary>Pixels [H, W, C] as float32 in [-1, 1], box-averaged down to <paramref name="size"/>^2 after a centred square crop.</summary>
    public static Tensor Pixels(RasterImage image, int size)
    {
        image = image.WithoutAlpha();
        var side = Math.Min(image.Width, image.Height);
        if (size < 1 || side % size != 0)
            throw new WorkbenchException($"image size {size} must divide the image's shorter side {side} (box downscaling by a whole factor).");
        using var scope = NewDisposeScope();
        var all = tensor(image.Pixels, ScalarType.Byte).reshape(image.Height, image.Width, image.Channels).to(ScalarType.Float32);
        var (top, left) = ((image.Height - side) / 2, (image.Width - side) / 2);
        var square = all.narrow(0, top, side).narrow(1, left, side);
        var factor = side / size;
        var averaged = square.reshape(size, factor, size, factor, image.Channels).mean([1L, 3L]);
        return (averaged / 127.5f - 1).MoveToOuterDisposeScope();
    }

    /// <summary>Fit and score on every pixel.</summary>
    public static InrSignal Regression(string name, RasterImage image, int size)
    {
        var pixels = Pixels(image, size);
        var (coordinates, values) = Flatten(pixels, size);
        return new InrSignal(name, coordinates, values, coordinates, values, InrMetric.Psnr, size);
    }

    /// <summary>Fourier-features protocol: fit the [::2, ::2] pixels, score the [1::2, 1::2] ones, coordinates of the full grid.</summary>
    public static InrSignal HeldOut(string name, RasterImage image, int size)
    {
        if (size % 2 != 0) throw new WorkbenchException($"held-out grid: the image size must be even, got {size}.");
        var pixels = Pixels(image, size);
        var grid = Grid(size);
        Tensor Take(Tensor t, int start) => t.slice(0, start, size, 2).slice(1, start, size, 2).reshape(-1, t.shape[2]);
        return new InrSignal(name + "-heldout", Take(grid, 0), Take(pixels, 0), Take(grid, 1), Take(pixels, 1), InrMetric.Psnr, size / 2);
    }

    /// <summary>Pixel-centre coordinates [size, size, 2] as (row, column) in linspace(-1, 1).</summary>
    public static Tensor Grid(int size)
    {
        using var scope = NewDisposeScope();
        var axis = linspace(-1, 1, size, ScalarType.Float32);
        var mesh = meshgrid([axis, axis], indexing: "ij");
        return stack(mesh, 2).MoveToOuterDisposeScope();
    }

    private static (Tensor Coordinates, Tensor Values) Flatten(Tensor pixels, int size) =>
        (Grid(size).reshape(-1, 2), pixels.reshape(-1, pixels.shape[2]));
}
