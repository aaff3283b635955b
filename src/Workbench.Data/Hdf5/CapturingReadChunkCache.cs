using PureHDF.VOL.Native;

namespace Workbench.Data.Hdf5;

/// <summary>
/// A least-recently-used reading chunk cache with a byte budget whose decoded chunks the reader can also copy from
/// directly. It always keeps the newest chunk, even one larger than the budget.
/// </summary>
internal sealed class CapturingReadChunkCache(long byteBudget) : IReadingChunkCache
{
    private readonly Dictionary<ulong, LinkedListNode<(ulong Index, Memory<byte> Data)>> _byIndex = new();
    private readonly LinkedList<(ulong Index, Memory<byte> Data)> _recency = new();
    private long _bytes;

    public Memory<byte> GetChunk(ulong chunkIndex, Func<Memory<byte>> chunkReader)
    {
        if (TryGet(chunkIndex, out var cached))
            return cached;
        var data = chunkReader();
        _byIndex[chunkIndex] = _recency.AddFirst((chunkIndex, data));
        _bytes += data.Length;
        while (_bytes > byteBudget && _recency.Count > 1)
        {
            var oldest = _recency.Last!;
            _recency.RemoveLast();
            _byIndex.Remove(oldest.Value.Index);
            _bytes -= oldest.Value.Data.Length;
        }
        return data;
    }

    public bool TryGet(ulong chunkIndex, out Memory<byte> data)
    {
        if (_byIndex.TryGetValue(chunkIndex, out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            data = node.Value.Data;
            return true;
        }
        data = default;
        return false;
    }
}
