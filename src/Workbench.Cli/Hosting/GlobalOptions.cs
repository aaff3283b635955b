using System.CommandLine;

namespace Workbench.Cli.Hosting;

/// <summary>Options every verb accepts (declared once on the root, recursive).</summary>
public sealed class GlobalOptions
{
    public Option<string> Device { get; } = new("--device")
    {
        Description = "Where tensors live: auto (CUDA when available), cpu or cuda[:N].",
        DefaultValueFactory = _ => "auto",
        Recursive = true,
    };

    public Option<long> Seed { get; } = new("--seed")
    {
        Description = "Seed for data generation, initialisation and shuffling (CPU runs reproduce bit-for-bit).",
        DefaultValueFactory = _ => 0,
        Recursive = true,
    };

    public Option<int> Threads { get; } = new("--threads")
    {
        Description = "Intra-op threads, at most the number of cores (0 = one per core).",
        DefaultValueFactory = _ => 0,
        Recursive = true,
    };

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Print stack traces for errors and libtorch's own warnings.",
        Recursive = true,
    };

    public IEnumerable<Option> All => [Device, Seed, Threads, Verbose];
}
