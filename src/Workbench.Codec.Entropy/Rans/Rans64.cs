namespace Workbench.Codec.Entropy.Rans;

/// <summary>Constants of the 64-bit rANS coder: the state lives in [L, 2^64) and is renormalised 32 bits at a time.</summary>
internal static class Rans64
{
    public const ulong LowerBound = 1UL << 31;
    public const int WordBits = 32;
}
