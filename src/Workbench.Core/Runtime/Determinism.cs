using TorchSharp;

namespace Workbench.Core.Runtime;

/// <summary>One seed drives TorchSharp's global generator and every managed random stream we hand out.</summary>
public static class Determinism
{
    public static void SeedEverything(long seed)
    {
        NativeEnvironment.Apply();
        torch.manual_seed(seed);
        torch.random.manual_seed(seed);
    }

    /// <summary>A managed random stream derived from a seed and a purpose, independent of call order elsewhere.</summary>
    public static Random ManagedRandom(long seed, string purpose = "") => new(DeriveSeed(seed, purpose));

    /// <summary>A TorchSharp generator of its own, so parallel work does not share the process-wide one.</summary>
    public static torch.Generator Generator(long seed, string purpose = "") =>
        new torch.Generator((ulong)DeriveSeed(seed, purpose));

    /// <summary>Stable 31-bit mix of a seed and a label (FNV-1a over the label, then splitmix64).</summary>
    public static int DeriveSeed(long seed, string purpose)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in purpose)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        var z = unchecked((ulong)seed + hash + 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
