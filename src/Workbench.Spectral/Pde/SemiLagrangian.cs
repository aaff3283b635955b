using static TorchSharp.torch;

namespace Workbench.Spectral.Pde;

/// <summary>
/// Backward semi-Lagrangian transport by a steady velocity field [2, H, W] in pixels per frame (channel 0 along the
/// width x, channel 1 along the height y). A departure point is found with the midpoint rule
/// x* = x - u(x - u(x) / 2) per frame; fields are sampled bilinearly, and points that leave the grid take the nearest
/// border value.
/// </summary>
public static class SemiLagrangian
{
    /// <summary>Departure points [steps, H, W, 2] (x, y in pixels) after 1..steps frames of backward tracking.</summary>
    public static Tensor Departures(Tensor velocity, int steps)
    {
        RequireVelocity(velocity);
        using var scope = NewDisposeScope();
        var (height, width) = (velocity.shape[1], velocity.shape[2]);
        var ys = arange(height, velocity.dtype, velocity.device).reshape(height, 1).expand(height, width);
        var xs = arange(width, velocity.dtype, velocity.device).reshape(1, width).expand(height, width);
        var position = stack([xs, ys], -1);
        var field = velocity.unsqueeze(0);
        var result = new Tensor[steps];
        for (var s = 0; s < steps; s++)
        {
            var half = position - Sample(field, position.unsqueeze(0))[0].permute(1, 2, 0) / 2;
            position = position - Sample(field, half.unsqueeze(0))[0].permute(1, 2, 0);
            result[s] = position;
        }
        return stack(result).MoveToOuterDisposeScope();
    }

    /// <summary>Fields [N, C, H, W] sampled bilinearly at pixel positions [N, H', W', 2] (x, y), border-clamped.</summary>
    public static Tensor Sample(Tensor field, Tensor positions)
    {
        using var scope = NewDisposeScope();
        var (height, width) = (field.shape[2], field.shape[3]);
        var scale = tensor(new[] { 2.0 / Math.Max(1, width - 1), 2.0 / Math.Max(1, height - 1) }, field.dtype, field.device);
        var grid = positions * scale - 1;
        return nn.functional.grid_sample(field, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: true)
            .MoveToOuterDisposeScope();
    }

    private static void RequireVelocity(Tensor velocity)
    {
        if (velocity.dim() != 3 || velocity.shape[0] != 2)
            throw new ArgumentException($"velocity: expected [2, H, W], got [{string.Join(", ", velocity.shape)}]");
    }
}
