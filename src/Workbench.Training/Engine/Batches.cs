using Workbench.Core.Runtime;
using Workbench.Data.Splits;

namespace Workbench.Training.Engine;

/// <summary>Batch index lists: shuffled per epoch from (seed, epoch) alone, or in order for evaluation.</summary>
public static class Batches
{
    public static IEnumerable<long[]> InOrder(SampleRange range, int batchSize) => range.Indices().Chunk(batchSize);

    public static IReadOnlyList<long[]> Shuffled(SampleRange range, int batchSize, long seed, int epoch)
    {
        var order = range.Indices().ToArray();
        Determinism.ManagedRandom(seed, $"shuffle:{epoch}").Shuffle(order);
        return order.Chunk(batchSize).ToList();
    }
}
