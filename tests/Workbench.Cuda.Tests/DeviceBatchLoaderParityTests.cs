using TorchSharp;
using Workbench.Data.Sources;
using Workbench.Training.Engine;
using static TorchSharp.torch;

namespace Workbench.Cuda.Tests;

/// <summary>Pinned, asynchronously copied batches arrive on the GPU with the values the CPU source holds.</summary>
public class DeviceBatchLoaderParityTests
{
    [CudaFact]
    public void Prefetched_batches_on_the_gpu_equal_the_cpu_batches()
    {
        long[][] order = [[4, 1, 7], [0, 6, 2], [5, 3]];
        using var source = new InMemorySource(randn(8, 2, 16, 16), randn(8, 3, 16, 16), "eight samples");
        using var loader = new DeviceBatchLoader(source, order, CUDA);
        for (var b = 0; b < order.Length; b++)
        {
            using var scope = NewDisposeScope();
            var (x, y) = loader.Take(b, scope);
            loader.Prefetch(b + 1);
            Assert.Equal(DeviceType.CUDA, x.device_type);
            var (expectedX, expectedY) = source.Load(order[b]);
            Assert.True(x.cpu().allclose(expectedX, 0, 0) && y.cpu().allclose(expectedY, 0, 0), $"batch {b}");
        }
    }
}
