using System.Runtime.InteropServices;

namespace Workbench.Core.Runtime;

/// <summary>
/// LibTorch 2.10's oneDNN convolution kernels for AVX-512 return non-finite gradients at random on AVX-512 x86-64
/// machines we run on (one seeded codec training step failed in about one run of three; capped at AVX2, none of
/// twelve runs failed). Capping oneDNN at AVX2 through ONEDNN_MAX_CPU_ISA avoids them. oneDNN reads the variable
/// once, at its first primitive, so this must run before the first convolution; a value the user set is kept.
/// </summary>
public static class OneDnnIsa
{
    public const string Variable = "ONEDNN_MAX_CPU_ISA";
    public const string Cap = "AVX2";

    public static void Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(Variable) is not null) return;
        // .NET keeps its own copy of the environment on Unix: only libc's setenv reaches native getenv.
        SetEnv(Variable, Cap, overwrite: 0);
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi)]
    private static extern int SetEnv(string name, string value, int overwrite);
}
