using PureHDF.VOL.Native;

namespace Workbench.Data.Hdf5;

/// <summary>
/// A writing chunk cache that holds only the chunks still being filled and writes each one to the file as soon as the
/// writer says its samples are complete (PureHDF's own writing cache keeps every chunk in memory until the file is
/// closed).
/// </summary>
/// <remarks>
/// The chunk writer PureHDF hands to <see cref="GetChunk"/> is bound to the chunk requested in that call and ignores
/// the index it is given, so each pending chunk keeps the writer it arrived with.
/// </remarks>
internal sealed class StreamingWriteChunkCache : IWritingChunkCache
{
    private readonly SortedDictionary<ulong, PendingChunk> _pending = new();
    private ulong _firstOpenChunk;

    public Memory<byte> GetChunk(ulong chunkIndex, Func<Memory<byte>> chunkAllocator, Action<ulong, Memory<byte>> chunkWriter)
    {
        if (_pending.TryGetValue(chunkIndex, out var pending))
            return pending.Data;

        if (chunkIndex < _firstOpenChunk)
            throw new InvalidOperationException($"Chunk {chunkIndex} was already written to the file; samples must be written in order.");

        var data = chunkAllocator();
        _pending[chunkIndex] = new PendingChunk(data, chunkWriter);
        return data;
    }

    /// <summary>Writes every pending chunk whose index is below <paramref name="firstOpenChunk"/>.</summary>
    public void WriteCompleted(ulong firstOpenChunk)
    {
        while (_pending.Count > 0)
        {
            var (index, chunk) = _pending.First();
            if (index >= firstOpenChunk)
                break;
            chunk.Writer(index, chunk.Data);
            _pending.Remove(index);
        }
        _firstOpenChunk = Math.Max(_firstOpenChunk, firstOpenChunk);
    }

    public void Flush(Action<ulong, Memory<byte>> chunkWriter)
    {
        foreach (var (index, chunk) in _pending)
            chunkWriter(index, chunk.Data);
        _pending.Clear();
    }

    private readonly record struct PendingChunk(Memory<byte> Data, Action<ulong, Memory<byte>> Writer);
}
