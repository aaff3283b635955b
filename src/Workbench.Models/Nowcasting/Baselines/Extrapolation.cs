using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.Baselines;

/// <summary>
/// Lagrangian persistence: motion from <see cref="LucasKanadeFlow"/> on the input frames, then the last frame carried
/// along backward semi-Lagrangian trajectories of 1..leads frames (each lead interpolated once from the last frame).
/// </summary>
public sealed record Extrapolation(LucasKanadeFlow Flow)
{
    public Tensor Forecast(Tensor frames, int leads)
    {
        NowcastShapes.RequireSequence(frames, "extrapolation input");
        using var scope = NewDisposeScope();
        var (batch, steps, height, width) = (frames.shape[0], frames.shape[1], frames.shape[2], frames.shape[3]);
        var forecasts = new Tensor[batch];
        for (var b = 0; b < batch; b++)
        {
            var motion = Flow.Estimate(frames[b]).to(float64);
            forecasts[b] = Along(frames[b, steps - 1].to(float64), motion, leads);
        }
        return stack(forecasts).to(frames.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>A frame [H, W] carried by a known motion [2, H, W] for 1..leads frames: [leads, H, W].</summary>
    public static Tensor Along(Tensor frame, Tensor motion, int leads)
    {
        using var scope = NewDisposeScope();
        var (height, width) = (frame.shape[0], frame.shape[1]);
        var departures = SemiLagrangian.Departures(motion, leads);
        return SemiLagrangian.Sample(frame.reshape(1, 1, height, width).expand(leads, 1, height, width), departures)
            .reshape(leads, height, width).MoveToOuterDisposeScope();
    }
}
