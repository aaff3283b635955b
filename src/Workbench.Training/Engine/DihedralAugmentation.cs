using Workbench.Core.Runtime;
using static TorchSharp.torch;

namespace Workbench.Training.Engine;

/// <summary>
/// Training batches seen under one of the eight symmetries of the square (rotations by multiples of 90 degrees, each
/// with or without a mirror), applied alike to inputs and targets on their last two axes; the element is drawn per
/// batch from (seed, epoch, batch), so a run stays reproducible. Valid where the physics has no preferred direction.
/// </summary>
public static class DihedralAugmentation
{
    public const int GroupOrder = 8;

    /// <summary>Whether samples of this shape (no batch axis) end in square frames.</summary>
    public static bool Fits(long[] sampleShape) => sampleShape.Length >= 2 && sampleShape[^1] == sampleShape[^2];

    public static string? Problem(long[] inputSample, long[] targetSample) => Fits(inputSample) && Fits(targetSample) ? null
        : "augment: dihedral needs square frames on the last two axes, got samples "
          + $"[{string.Join(", ", inputSample)}] -> [{string.Join(", ", targetSample)}]";

    public static int Draw(long seed, int epoch, int batch) =>
        Determinism.ManagedRandom(seed, $"augment:{epoch}:{batch}").Next(GroupOrder);

    /// <summary>Element <paramref name="element"/> (0..7) of the group on batches whose samples <see cref="Fits"/>:
    /// rot90 (element mod 4) times, then a mirror of the last axis when element >= 4.</summary>
    public static Tensor Apply(Tensor fields, int element)
    {
        var rotated = element % 4 == 0 ? fields : fields.rot90(element % 4, (fields.dim() - 2, fields.dim() - 1));
        return element >= 4 ? rotated.flip(-1) : rotated;
    }
}
