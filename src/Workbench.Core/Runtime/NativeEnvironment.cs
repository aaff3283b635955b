namespace Workbench.Core.Runtime;

/// <summary>
/// The native libraries' environment settings (<see cref="OneDnnIsa"/>, <see cref="HugePageAllocations"/>). Both are read
/// once by native code, so every entry point applies them before its first tensor.
/// </summary>
public static class NativeEnvironment
{
    public static void Apply()
    {
        OneDnnIsa.Apply();
        HugePageAllocations.Apply();
    }
}
