namespace Workbench.Core.Runtime;

/// <summary>
/// TorchSharp 0.107 hands raw native handles to libtorch and frees them in finalizers. Optimised JIT code ends an
/// argument's lifetime at its last use, so a temporary Tensor or Scalar (the implicit <c>alpha</c> of every
/// <c>add</c>, say) can be collected and freed by the finalizer thread while libtorch is still reading it: random
/// NaNs, "Unknown scalar type" errors or crashes whenever another thread triggers a collection during a native call.
/// Unoptimised JIT code keeps arguments alive to the end of their method, which closes that window (a stress loop of
/// <c>add</c> under allocation pressure: 14 failures in 856k calls optimised, none in 675k unoptimised, at the same
/// speed since the time is spent in libtorch). The runtime reads the choice once, at start-up, from this variable.
/// </summary>
public static class UnoptimizedJit
{
    public const string Variable = "DOTNET_JITMinOpts";

    public static bool IsActive => Environment.GetEnvironmentVariable(Variable) == "1";

    /// <summary>True when nobody chose either way; a value the user set (e.g. 0) is respected.</summary>
    public static bool IsUnset => Environment.GetEnvironmentVariable(Variable) is null;
}
