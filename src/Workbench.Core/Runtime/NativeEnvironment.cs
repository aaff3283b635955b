using System.Runtime.InteropServices;

namespace Workbench.Core.Runtime;

/// <summary>
/// The native libraries' environment settings (<see cref="OneDnnIsa"/>, <see cref="HugePageAllocations"/>,
/// <see cref="NativeLogLevel"/>, <see cref="MallocThresholds"/>). Native code reads each once, so every entry point
/// applies them before its first tensor; a value the user set is kept, and the first call decides whether libtorch's
/// warnings are shown.
/// </summary>
public static class NativeEnvironment
{
    public static void Apply(bool nativeWarnings = false)
    {
        SetUnlessSet(OneDnnIsa.Variable, OneDnnIsa.Cap);
        SetUnlessSet(HugePageAllocations.Variable, HugePageAllocations.Enabled);
        SetUnlessSet(NativeLogLevel.Variable, nativeWarnings ? NativeLogLevel.Warnings : NativeLogLevel.Quiet);
        NativeLogLevel.Apply();
        MallocThresholds.Apply();
    }

    private static void SetUnlessSet(string variable, string value)
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(variable) is not null) return;
        // .NET keeps its own copy of the environment on Unix: only libc's setenv reaches native getenv.
        SetEnv(variable, value, overwrite: 0);
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi)]
    private static extern int SetEnv(string name, string value, int overwrite);
}
