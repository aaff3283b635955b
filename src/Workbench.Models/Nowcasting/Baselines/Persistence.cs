using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.Baselines;

/// <summary>The last observed frame, repeated for every lead time: [B, T_in, H, W] -> [B, leads, H, W].</summary>
public static class Persistence
{
    public static Tensor Forecast(Tensor frames, int leads)
    {
        NowcastShapes.RequireSequence(frames, "persistence input");
        return frames.narrow(1, frames.shape[1] - 1, 1).expand(-1, leads, -1, -1).contiguous();
    }
}
