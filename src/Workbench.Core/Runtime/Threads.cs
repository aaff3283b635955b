using TorchSharp;
using Workbench.Core.Errors;

namespace Workbench.Core.Runtime;

/// <summary>Intra-op thread count for TorchSharp (0 keeps the library's default of one per core).</summary>
public static class Threads
{
    public static void Configure(int threads)
    {
        NativeEnvironment.Apply();
        if (threads < 0) throw new WorkbenchException($"--threads: expected 0 (all cores) or a positive count, got {threads}.");
        if (threads > Environment.ProcessorCount)
            throw new WorkbenchException($"--threads: {threads} is more than the {Environment.ProcessorCount} cores this process may use.");
        if (threads > 0) torch.set_num_threads(threads);
    }

    public static int Current => torch.get_num_threads();
}
