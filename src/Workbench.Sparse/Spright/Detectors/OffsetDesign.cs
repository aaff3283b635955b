using System.Numerics;

namespace Workbench.Sparse.Spright.Detectors;

/// <summary>
/// The offsets d_0 .. d_{P-1} shared by all stages, and how to read the index k of a singleton from its bin
/// values U_p = alpha (-1)^{&lt;d_p, k&gt;} + noise.
/// </summary>
internal abstract class OffsetDesign
{
    protected OffsetDesign(ulong[] offsets) => Offsets = offsets;

    public ulong[] Offsets { get; }

    public int Count => Offsets.Length;

    /// <summary>The index most consistent with the signs (and, where the design uses them, magnitudes) of u.</summary>
    public abstract ulong EstimateIndex(ReadOnlySpan<double> u);

    /// <summary>(-1)^{&lt;d_p, k&gt;}.</summary>
    public double Sign(int p, ulong k) => (BitOperations.PopCount(Offsets[p] & k) & 1) == 0 ? 1.0 : -1.0;

    public static OffsetDesign Create(SprightPlan plan, Randomness.Xoshiro256StarStar rng) => plan.Detector switch
    {
        DetectorKind.Noiseless => new PairedOffsets(plan.InputBits, [0UL]),
        DetectorKind.Robust => new PairedOffsets(plan.InputBits,
            Enumerable.Range(0, plan.OffsetChains).Select(_ => rng.NextBits(plan.InputBits)).ToArray()),
        _ => CodedOffsets.Create(plan.InputBits, plan.ParityOffsets, rng),
    };
}
