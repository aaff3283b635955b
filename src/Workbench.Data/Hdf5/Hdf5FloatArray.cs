using System.Runtime.InteropServices;
using PureHDF;
using PureHDF.Selections;
using PureHDF.VOL.Native;
using Workbench.Core.Errors;

namespace Workbench.Data.Hdf5;

/// <summary>
/// One floating-point dataset of shape N x sample shape, read by sample ranges into float32 (float64 is converted).
/// </summary>
/// <remarks>
/// When chunks span whole samples, a batch is copied straight out of the decoded chunks: PureHDF copies a chunked
/// selection one run of the fastest dimension at a time, which for small last dimensions costs far more than the
/// file read itself. PureHDF is asked for one element of each chunk, which decodes that chunk into the capturing
/// cache, and whole samples are then copied from it. Not thread-safe.
/// </remarks>
public sealed class Hdf5FloatArray
{
    private readonly NativeDataset _dataset;
    private readonly string _file;
    private readonly CapturingReadChunkCache _cache;
    private readonly H5DatasetAccess _access;
    private readonly ulong[] _dims;
    private readonly bool _isDouble;
    private readonly long _samplesPerChunk;
    private double[] _doubleBuffer = [];

    internal Hdf5FloatArray(string file, string path, NativeDataset dataset, long cacheBytes)
    {
        _file = file;
        _dataset = dataset;
        Path = path;
        var type = dataset.Type;
        if (type.Class != H5DataTypeClass.FloatingPoint || type.Size is not (4 or 8))
            throw new DataFileException($"{file}: dataset {path} holds {Hdf5TypeNames.Describe(type)}; expected float32 or float64.");
        if (dataset.Space.Type != H5DataspaceType.Simple || dataset.Space.Rank == 0)
            throw new DataFileException($"{file}: dataset {path} is a scalar or empty; expected an array with samples along its first dimension.");
        _isDouble = type.Size == 8;
        _dims = dataset.Space.Dimensions;
        Shape = _dims.Select(size => (long)size).ToArray();
        SampleShape = Shape[1..];
        SampleSize = SampleShape.Aggregate(1L, (product, size) => product * size);
        Layout = dataset.Layout.Class;
        ChunkShape = Layout == H5DataLayoutClass.Chunked ? dataset.Layout.Chunks.Select(size => (long)size).ToArray() : null;
        Filters = FilterPipelineProbe.Describe(dataset);
        _samplesPerChunk = ChunkShape is { } chunks && chunks.Length == Shape.Length && chunks[1..].SequenceEqual(SampleShape) ? chunks[0] : 0;
        _cache = new CapturingReadChunkCache(_samplesPerChunk > 0 ? WholeChunkCacheBytes(cacheBytes, _samplesPerChunk * SampleSize * type.Size) : cacheBytes);
        _access = new H5DatasetAccess(ChunkCache: _cache);
        if (_samplesPerChunk > 0 && SampleCount > 0)
            _samplesPerChunk = ChunkCopyAgreesWithLibrary() ? _samplesPerChunk : 0;
    }

    public string Path { get; }

    public long[] Shape { get; }

    public long SampleCount => Shape[0];

    public long[] SampleShape { get; }

    public long SampleSize { get; }

    public string ElementType => _isDouble ? "float64" : "float32";

    public H5DataLayoutClass Layout { get; }

    /// <summary>Chunk dimensions, or null for contiguous and compact datasets.</summary>
    public long[]? ChunkShape { get; }

    /// <summary>The filter pipeline, empty when none, null when PureHDF does not reveal it.</summary>
    public IReadOnlyList<Hdf5Filter>? Filters { get; }

    /// <summary>Whether batches are copied straight from decoded chunks (chunks spanning whole samples).</summary>
    public bool CopiesWholeChunks => _samplesPerChunk > 0;

    /// <summary>Reads samples [start, start + count) into <paramref name="destination"/> (count x sample size values).</summary>
    public void ReadRange(long start, long count, Span<float> destination)
    {
        if (start < 0 || count < 0 || start + count > SampleCount)
            throw new ArgumentOutOfRangeException(nameof(start), $"{_file}: samples {start}..{start + count - 1} are outside {Path}'s {SampleCount} samples.");
        if (destination.Length != count * SampleSize)
            throw new ArgumentException($"{Path}: {count} samples need {count * SampleSize} values, the buffer holds {destination.Length}.");
        if (count == 0)
            return;
        try
        {
            if (CopiesWholeChunks)
                CopyFromChunks(start, count, destination);
            else
                ReadHyperslab(start, count, destination);
        }
        catch (Exception ex) when (ex is not WorkbenchException and not ArgumentException)
        {
            throw new DataFileException($"{_file}: reading samples {start}..{start + count - 1} of {Path} failed ({Hdf5DatasetWriter.FirstLine(ex.Message)})", ex);
        }
    }

    /// <summary>Reads the listed samples in order; runs of consecutive indices are read as one range.</summary>
    public void ReadIndices(IReadOnlyList<long> indices, Span<float> destination)
    {
        if (destination.Length != indices.Count * SampleSize)
            throw new ArgumentException($"{Path}: {indices.Count} samples need {indices.Count * SampleSize} values, the buffer holds {destination.Length}.");
        var i = 0;
        while (i < indices.Count)
        {
            var runEnd = i + 1;
            while (runEnd < indices.Count && indices[runEnd] == indices[runEnd - 1] + 1)
                runEnd++;
            ReadRange(indices[i], runEnd - i, destination.Slice((int)(i * SampleSize), (int)((runEnd - i) * SampleSize)));
            i = runEnd;
        }
    }

    public float[] ReadRange(long start, long count)
    {
        var values = new float[checked(count * SampleSize)];
        ReadRange(start, count, values);
        return values;
    }

    private void CopyFromChunks(long start, long count, Span<float> destination)
    {
        var end = start + count;
        for (var chunk = start / _samplesPerChunk; chunk * _samplesPerChunk < end; chunk++)
        {
            var raw = DecodedChunk(chunk).Span;
            var chunkStart = chunk * _samplesPerChunk;
            var from = Math.Max(start, chunkStart);
            var to = Math.Min(end, chunkStart + _samplesPerChunk);
            var target = destination.Slice((int)((from - start) * SampleSize), (int)((to - from) * SampleSize));
            var offset = (int)((from - chunkStart) * SampleSize);
            if (_isDouble)
            {
                var source = MemoryMarshal.Cast<byte, double>(raw).Slice(offset, target.Length);
                for (var k = 0; k < target.Length; k++)
                    target[k] = (float)source[k];
            }
            else
            {
                MemoryMarshal.Cast<byte, float>(raw).Slice(offset, target.Length).CopyTo(target);
            }
        }
    }

    private Memory<byte> DecodedChunk(long chunk)
    {
        if (_cache.TryGet((ulong)chunk, out var cached))
            return cached;
        var start = new ulong[_dims.Length];
        start[0] = (ulong)(chunk * _samplesPerChunk);
        var block = Enumerable.Repeat(1UL, _dims.Length).ToArray();
        var selection = new HyperslabSelection(_dims.Length, start, block);
        if (_isDouble)
            _dataset.Read<double>(_access, new double[1], fileSelection: selection, memoryDims: [1]);
        else
            _dataset.Read<float>(_access, new float[1], fileSelection: selection, memoryDims: [1]);
        if (!_cache.TryGet((ulong)chunk, out var decoded))
            throw new InvalidOperationException($"{Path}: chunk {chunk} did not pass through the chunk cache.");
        return decoded;
    }

    private void ReadHyperslab(long start, long count, Span<float> destination)
    {
        var offsets = new ulong[_dims.Length];
        offsets[0] = (ulong)start;
        var block = (ulong[])_dims.Clone();
        block[0] = (ulong)count;
        var selection = new HyperslabSelection(_dims.Length, offsets, block);
        if (!_isDouble)
        {
            _dataset.Read(_access, destination, fileSelection: selection, memoryDims: block);
            return;
        }
        if (_doubleBuffer.Length < destination.Length)
            _doubleBuffer = new double[destination.Length];
        var values = _doubleBuffer.AsSpan(0, destination.Length);
        _dataset.Read(_access, values, fileSelection: selection, memoryDims: block);
        for (var k = 0; k < values.Length; k++)
            destination[k] = (float)values[k];
    }

    /// <summary>
    /// Whole-sample chunks are copied out once and rarely needed again; keeping many of them alive only adds garbage
    /// collector work (each decoded chunk is a fresh, often large-object-heap, array), which measured several times
    /// slower with a 64 MiB cache than with two chunks (enough for a chunk straddling two batches).
    /// </summary>
    private static long WholeChunkCacheBytes(long budget, long chunkBytes) => Math.Min(budget, 2 * chunkBytes);

    /// <summary>
    /// The chunk copy assumes little-endian IEEE values; check it against PureHDF's own decoding of the first chunk
    /// (a byte-swapped file fails this and falls back to hyperslab reads).
    /// </summary>
    private bool ChunkCopyAgreesWithLibrary()
    {
        var count = Math.Min(_samplesPerChunk, SampleCount);
        var viaLibrary = new float[count * SampleSize];
        var viaChunks = new float[count * SampleSize];
        try
        {
            ReadHyperslab(0, count, viaLibrary);
            CopyFromChunks(0, count, viaChunks);
        }
        catch (Exception ex) when (ex is not WorkbenchException)
        {
            throw new DataFileException($"{_file}: reading {Path} failed ({Hdf5DatasetWriter.FirstLine(ex.Message)})", ex);
        }
        return MemoryMarshal.AsBytes(viaLibrary.AsSpan()).SequenceEqual(MemoryMarshal.AsBytes(viaChunks.AsSpan()));
    }
}
