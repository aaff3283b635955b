using System.Reflection;
using TorchSharp;

namespace Workbench.Core.Runtime;

/// <summary>
/// Whether the loaded TorchSharp keeps the arguments of its native calls alive: the build rewrites TorchSharp.dll so
/// that its own methods are compiled unoptimised (build/TorchSharpKeepAlive), while the workbench's code stays
/// optimised. A TorchSharp.dll taken from elsewhere (a notebook's NuGet reference, say) lacks it, and then a
/// collection on another thread can free a temporary Tensor or Scalar in the middle of a libtorch call.
/// </summary>
public static class TorchSharpArguments
{
    public static bool KeptAlive { get; } =
        typeof(torch.Tensor).GetMethod(nameof(torch.Tensor.add), [typeof(torch.Tensor)])!
            .MethodImplementationFlags.HasFlag(MethodImplAttributes.NoOptimization);
}
