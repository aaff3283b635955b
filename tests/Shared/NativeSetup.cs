using System.Runtime.CompilerServices;
using Workbench.Core.Runtime;

namespace Workbench.Tests.Shared;

internal static class NativeSetup
{
    /// <summary>Tests build models without going through the CLI's runtime setup: apply the native settings first.</summary>
#pragma warning disable CA2255 // a test assembly's own setup, run before any test touches libtorch
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void ApplyNativeEnvironment() => NativeEnvironment.Apply();
}
