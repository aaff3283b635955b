using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Core.Runtime;

/// <summary>
/// Constant index and value tensors (gather orders, padding sources, band tables), made once per content, dtype and
/// device and then shared. Made afresh in every forward pass, each would cost a host-to-device copy on an accelerator,
/// and such a copy waits for the device's queue to drain: the host could no longer run ahead of the device. The
/// tensors are shared, so callers must not modify them. Past <see cref="MaxCachedElements"/> (many image sizes in one
/// process) the cache starts afresh; tensors still in use stay valid, as they are only dropped from the cache.
/// </summary>
public static class DeviceConstants
{
    public const long MaxCachedElements = 1L << 24;

    private static readonly Dictionary<(long[] Values, DeviceType Type, int Index), Tensor> IndexTensors = new(new ContentComparer<long>());
    private static readonly Dictionary<(double[] Values, ScalarType Dtype, DeviceType Type, int Index), Tensor> ValueTensors = new(new ContentComparer<double>());
    private static readonly Lock Gate = new();
    private static long _cachedElements;

    /// <summary>An int64 tensor of <paramref name="values"/> on <paramref name="device"/>.</summary>
    public static Tensor Indices(long[] values, Device device)
    {
        lock (Gate)
        {
            var key = (values, device.type, device.index);
            if (!IndexTensors.TryGetValue(key, out var cached))
            {
                MakeRoom(values.Length);
                IndexTensors[(values.ToArray(), device.type, device.index)] = cached = Keep(() => tensor(values, ScalarType.Int64).to(device));
            }
            return cached;
        }
    }

    /// <summary>A tensor of <paramref name="values"/> (made in float64, then cast to dtype) of the given shape.</summary>
    public static Tensor Values(double[] values, long[] shape, ScalarType dtype, Device device)
    {
        lock (Gate)
        {
            var key = (values, dtype, device.type, device.index);
            if (!ValueTensors.TryGetValue(key, out var cached))
            {
                MakeRoom(values.Length);
                ValueTensors[(values.ToArray(), dtype, device.type, device.index)] = cached =
                    Keep(() => tensor(values, ScalarType.Float64).to(dtype, device));
            }
            return cached.view(shape);
        }
    }

    private static void MakeRoom(long elements)
    {
        if (_cachedElements + elements > MaxCachedElements)
        {
            IndexTensors.Clear();
            ValueTensors.Clear();
            _cachedElements = 0;
        }
        _cachedElements += elements;
    }

    private static Tensor Keep(Func<Tensor> make)
    {
        using var scope = NewDisposeScope();
        return make().DetachFromDisposeScope();
    }

    /// <summary>Keys equal by the content of their array, so equal constants share one tensor.</summary>
    private sealed class ContentComparer<T> : IEqualityComparer<(T[] Values, DeviceType Type, int Index)>,
        IEqualityComparer<(T[] Values, ScalarType Dtype, DeviceType Type, int Index)> where T : IEquatable<T>
    {
        public bool Equals((T[] Values, DeviceType Type, int Index) a, (T[] Values, DeviceType Type, int Index) b) =>
            a.Type == b.Type && a.Index == b.Index && a.Values.AsSpan().SequenceEqual(b.Values);

        public int GetHashCode((T[] Values, DeviceType Type, int Index) key) => HashCode.Combine(Content(key.Values), key.Type, key.Index);

        public bool Equals((T[] Values, ScalarType Dtype, DeviceType Type, int Index) a, (T[] Values, ScalarType Dtype, DeviceType Type, int Index) b) =>
            a.Dtype == b.Dtype && Equals((a.Values, a.Type, a.Index), (b.Values, b.Type, b.Index));

        public int GetHashCode((T[] Values, ScalarType Dtype, DeviceType Type, int Index) key) =>
            HashCode.Combine(GetHashCode((key.Values, key.Type, key.Index)), key.Dtype);

        private static int Content(T[] values)
        {
            var hash = new HashCode();
            foreach (var value in values) hash.Add(value);
            return hash.ToHashCode();
        }
    }
}
