using TorchSharp;
using Workbench.Data.Sources;
using Workbench.Training.Engine;
using static TorchSharp.torch;

namespace Workbench.Tests.Training;

public class DeviceBatchLoaderTests
{
    private static readonly long[][] BatchOrder = [[3, 0], [5, 1], [2, 4]];

    private static InMemorySource Source() =>
        new(arange(6 * 3, float32).view(6, 3), arange(6, float32).view(6, 1) * 10, "six samples");

    [Fact]
    public void Prefetched_or_not_each_batch_holds_the_samples_it_names()
    {
        using var source = Source();
        using var loader = new DeviceBatchLoader(source, BatchOrder, CPU);
        for (var b = 0; b < BatchOrder.Length; b++)
        {
            using var scope = NewDisposeScope();
            if (b == 1) loader.Prefetch(b);
            var (x, y) = loader.Take(b, scope);
            loader.Prefetch(b + 1);
            var (expectedX, expectedY) = source.Load(BatchOrder[b]);
            Assert.True(x.allclose(expectedX, 0, 0) && y.allclose(expectedY, 0, 0), $"batch {b}");
        }
    }

    [Fact]
    public void A_prefetched_batch_outlives_the_scope_it_was_made_in_and_dies_with_the_scope_that_takes_it()
    {
        using var source = Source();
        using var loader = new DeviceBatchLoader(source, BatchOrder, CPU);
        using (NewDisposeScope()) loader.Prefetch(0);
        Tensor x;
        using (var scope = NewDisposeScope())
        {
            (x, _) = loader.Take(0, scope);
            Assert.False(x.IsInvalid);
        }
        Assert.True(x.IsInvalid);
    }
}
