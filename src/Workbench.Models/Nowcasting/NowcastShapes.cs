using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting;

public static class NowcastShapes
{
    public static void RequireSequence(Tensor frames, string what)
    {
        if (frames.dim() != 4)
            throw new ArgumentException($"{what}: expected frames [B, T, H, W], got [{string.Join(", ", frames.shape)}]");
    }
}
