using System.Runtime.InteropServices;

namespace Workbench.Core.Runtime;

/// <summary>
/// The native libraries' environment settings (<see cref="OneDnnIsa"/>, <see cref="HugePageAllocations"/>). Native code
/// reads each once, so every entry point applies them before its first tensor; a value the user set is kept.
/// </summary>
public static class NativeEnvironment
{
    public static void Apply()
    {
        SetUnlessSet(OneDnnIsa.Variable, OneDnnIsa.Cap);
        SetUnlessSet(HugePageAllocations.Variable, HugePageAllocations.Enabled);
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
