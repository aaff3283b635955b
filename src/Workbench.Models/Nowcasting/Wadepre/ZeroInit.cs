using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.Wadepre;

/// <summary>Zeroes a layer's weight and bias, so a residual branch starts as the identity.</summary>
internal static class ZeroInit
{
    public static Conv2d Conv(Conv2d layer)
    {
        using var _ = no_grad();
        layer.weight!.zero_();
        layer.bias?.zero_();
        return layer;
    }

    public static Linear Linear(Linear layer)
    {
        using var _ = no_grad();
        layer.weight!.zero_();
        layer.bias?.zero_();
        return layer;
    }
}
