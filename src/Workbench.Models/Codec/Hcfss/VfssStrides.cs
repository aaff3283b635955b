using Workbench.Core.Errors;

namespace Workbench.Models.Codec;

/// <summary>
/// The strides of g_a at which a <see cref="VfssBlock"/> follows the down-sampling and GDN (at 16: the last
/// down-sampling, on the M channels of y); g_s mirrors them. A set of flags, so that options holding it keep value equality.
/// </summary>
[Flags]
public enum VfssStrides
{
    None = 0,
    Stride2 = 1,
    Stride4 = 2,
    Stride8 = 4,
    Stride16 = 8,
}

/// <summary>A <see cref="VfssStrides"/> set to and from the strides it holds.</summary>
public static class VfssStrideSet
{
    public static readonly IReadOnlyList<int> Allowed = [2, 4, 8, 16];

    public static bool Contains(this VfssStrides set, int stride) => (set & Flag(stride)) != 0;

    /// <summary>The strides in increasing order.</summary>
    public static int[] Strides(this VfssStrides set) => Allowed.Where(stride => set.Contains(stride)).ToArray();

    /// <summary>The set of <paramref name="strides"/> (repeats allowed); anything but 2, 4, 8 or 16 is a user error.</summary>
    public static VfssStrides Of(IEnumerable<int> strides) => strides.Aggregate(VfssStrides.None, (set, stride) => Allowed.Contains(stride)
        ? set | Flag(stride)
        : throw new ConfigException($"hcfssnet: VFSS strides must be among {string.Join(", ", Allowed)}, got {stride}"));

    private static VfssStrides Flag(int stride) => stride switch
    {
        2 => VfssStrides.Stride2,
        4 => VfssStrides.Stride4,
        8 => VfssStrides.Stride8,
        16 => VfssStrides.Stride16,
        _ => throw new ArgumentOutOfRangeException(nameof(stride), stride, "VFSS strides are 2, 4, 8 or 16"),
    };
}
