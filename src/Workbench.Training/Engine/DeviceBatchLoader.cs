using TorchSharp;
using Workbench.Data.Sources;
using static TorchSharp.torch;

namespace Workbench.Training.Engine;

/// <summary>
/// Training batches on the device, one step ahead. On CUDA, <see cref="Prefetch"/> reads the next batch, pins it and
/// starts its host-to-device copy without waiting, so the read and the copy overlap the GPU work already queued for
/// the current step; on the CPU the batch is simply loaded. A prefetched batch belongs to no dispose scope until
/// <see cref="Take"/> hands it to the caller's.
/// </summary>
public sealed class DeviceBatchLoader(ISampleSource source, IReadOnlyList<long[]> batches, Device device) : IDisposable
{
    private int prefetchedIndex = -1;
    private (Tensor Inputs, Tensor Targets) prefetched;

    public (Tensor Inputs, Tensor Targets) Take(int index, DisposeScope scope)
    {
        if (prefetchedIndex != index) Prefetch(index);
        var batch = prefetched;
        (prefetched, prefetchedIndex) = (default, -1);
        scope.Attach(batch.Inputs, batch.Targets);
        return batch;
    }

    /// <summary>Starts loading batch <paramref name="index"/> (nothing past the last batch).</summary>
    public void Prefetch(int index)
    {
        if (index >= batches.Count || index == prefetchedIndex) return;
        Release();
        using var scope = NewDisposeScope();
        var (x, y) = source.Load(batches[index]);
        var batch = device.type == DeviceType.CUDA
            ? (x.pin_memory().cuda(device, non_blocking: true), y.pin_memory().cuda(device, non_blocking: true))
            : (x.to(device), y.to(device));
        prefetched = scope.Detach(batch.Item1, batch.Item2);
        prefetchedIndex = index;
    }

    public void Dispose() => Release();

    private void Release()
    {
        if (prefetchedIndex < 0) return;
        prefetched.Inputs.Dispose();
        prefetched.Targets.Dispose();
        (prefetched, prefetchedIndex) = (default, -1);
    }
}
