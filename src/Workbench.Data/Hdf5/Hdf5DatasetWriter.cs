using PureHDF;
using PureHDF.Filters;
using PureHDF.Selections;
using PureHDF.VOL.Native;
using Workbench.Core.Errors;
using Workbench.Core.IO;

namespace Workbench.Data.Hdf5;

/// <summary>
/// Writes a dataset in the workbench layout sample by sample, never holding more than the chunks being filled.
/// The file appears at its path only after <see cref="Complete"/>; a writer disposed before that (an exception, an
/// abandoned generation) deletes its temporary file and leaves nothing behind.
/// </summary>
public sealed class Hdf5DatasetWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly DatasetWriterOptions _options;
    private readonly StreamedArray _inputs;
    private readonly StreamedArray _targets;
    private H5NativeWriter? _writer;
    private bool _completed;

    private Hdf5DatasetWriter(string path, DatasetWriterOptions options)
    {
        options.Validate();
        _path = Path.GetFullPath(path);
        _options = options;
        _inputs = new StreamedArray(options.SampleCount, options.InputShape, options, DatasetLayout.Inputs);
        _targets = new StreamedArray(options.SampleCount, options.TargetShape, options, DatasetLayout.Targets);
        _temporary = AtomicFile.TemporarySibling(_path);
        try
        {
            _writer = BuildFile().BeginWrite(_temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            AtomicFile.TryDelete(_temporary);
            throw AtomicFile.Refused(_path, ex);
        }
        catch (Exception ex) when (ex is not WorkbenchException)
        {
            AtomicFile.TryDelete(_temporary);
            throw new DataFileException($"{_path}: cannot create the HDF5 file ({FirstLine(ex.Message)})", ex);
        }
    }

    public static Hdf5DatasetWriter Create(string path, DatasetWriterOptions options) => new(path, options);

    public long SamplesWritten { get; private set; }

    public long SampleCount => _options.SampleCount;

    public void WriteSample(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => WriteSamples(1, input, target);

    /// <summary>Writes the next <paramref name="count"/> samples, each array holding count x its sample shape in C order.</summary>
    public void WriteSamples(int count, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets)
    {
        var writer = _writer ?? throw new ObjectDisposedException(nameof(Hdf5DatasetWriter), "The dataset was already completed or abandoned.");
        if (count <= 0)
            throw new ArgumentException($"count must be positive, got {count}.");
        if (SamplesWritten + count > _options.SampleCount)
            throw new ArgumentException($"{_path}: writing {count} more samples after {SamplesWritten} exceeds the declared {_options.SampleCount}.");
        _inputs.CheckLength(count, inputs.Length);
        _targets.CheckLength(count, targets.Length);
        try
        {
            _inputs.Write(writer, SamplesWritten, count, inputs);
            _targets.Write(writer, SamplesWritten, count, targets);
        }
        catch (Exception ex) when (ex is not WorkbenchException and not ArgumentException)
        {
            throw new DataFileException($"{_path}: writing samples {SamplesWritten}..{SamplesWritten + count - 1} failed ({FirstLine(ex.Message)})", ex);
        }
        SamplesWritten += count;
    }

    /// <summary>Finishes the file and moves it to its path; fails when fewer samples than declared were written.</summary>
    public void Complete()
    {
        var writer = _writer ?? throw new ObjectDisposedException(nameof(Hdf5DatasetWriter), "The dataset was already completed or abandoned.");
        if (SamplesWritten != _options.SampleCount)
            throw new DataFileException($"{_path}: only {SamplesWritten} of {_options.SampleCount} samples were written.");
        try
        {
            _writer = null;
            writer.Dispose();
            AtomicFile.Commit(_temporary, _path);
            _completed = true;
        }
        catch (Exception ex) when (ex is not WorkbenchException)
        {
            AtomicFile.TryDelete(_temporary);
            throw new DataFileException($"{_path}: finishing the HDF5 file failed ({FirstLine(ex.Message)})", ex);
        }
    }

    public void Dispose()
    {
        if (_completed)
            return;
        var writer = _writer;
        _writer = null;
        try
        {
            writer?.Dispose();
        }
        catch (Exception)
        {
            // the file is discarded below; a failure to close it cleanly does not matter
        }
        AtomicFile.TryDelete(_temporary);
    }

    private H5File BuildFile()
    {
        var file = new H5File
        {
            [DatasetLayout.Inputs.TrimStart('/')] = _inputs.Dataset,
            [DatasetLayout.Targets.TrimStart('/')] = _targets.Dataset,
        };
        if (_options.Time is { } time)
            file[DatasetLayout.Time.TrimStart('/')] = new H5Dataset(time, fileDims: [(ulong)time.Length]);
        if (_options.Grid is { } grid)
        {
            var shape = _options.GridShape ?? [grid.Length];
            file[DatasetLayout.Grid.TrimStart('/')] = new H5Dataset(grid, fileDims: shape.Select(size => (ulong)size).ToArray());
        }
        if (_options.Provenance is { } provenance)
        {
            file.Attributes[DatasetLayout.GeneratorAttribute] = provenance.Generator;
            file.Attributes[DatasetLayout.ParametersAttribute] = provenance.ParametersJson;
            file.Attributes[DatasetLayout.SeedAttribute] = provenance.Seed;
            file.Attributes[DatasetLayout.VersionAttribute] = provenance.WorkbenchVersion;
        }
        return file;
    }

    internal static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    /// <summary>One N x sample-shape float32 dataset fed in sample order through a streaming chunk cache.</summary>
    private sealed class StreamedArray
    {
        private readonly ulong[] _sampleDims;
        private readonly long _sampleSize;
        private readonly int _samplesPerChunk;
        private readonly StreamingWriteChunkCache _cache = new();
        private readonly string _name;
        private float[] _buffer = [];

        public StreamedArray(long sampleCount, int[] sampleShape, DatasetWriterOptions options, string name)
        {
            _name = name;
            _sampleDims = sampleShape.Select(size => (ulong)size).ToArray();
            _sampleSize = DatasetWriterOptions.ElementCount(sampleShape);
            _samplesPerChunk = (int)Math.Min(options.SamplesPerChunk, sampleCount);
            var filters = options.Deflate == DeflateLevel.None
                ? new List<H5Filter>()
                : [new H5Filter(DeflateFilter.Id, new Dictionary<string, object> { [DeflateFilter.COMPRESSION_LEVEL] = (int)options.Deflate })];
            Dataset = new H5Dataset<float[]>(
                fileDims: [(ulong)sampleCount, .. _sampleDims],
                chunks: [(uint)_samplesPerChunk, .. sampleShape.Select(size => (uint)size)],
                datasetCreation: new H5DatasetCreation(ChunkCache: _cache, Filters: filters));
        }

        public H5Dataset<float[]> Dataset { get; }

        public void CheckLength(int count, int length)
        {
            if (length != count * _sampleSize)
                throw new ArgumentException($"{_name}: {count} samples need {count * _sampleSize} values, got {length}.");
        }

        public void Write(H5NativeWriter writer, long first, int count, ReadOnlySpan<float> values)
        {
            if (_buffer.Length != values.Length)
                _buffer = new float[values.Length];
            values.CopyTo(_buffer);
            var start = new ulong[_sampleDims.Length + 1];
            start[0] = (ulong)first;
            ulong[] block = [(ulong)count, .. _sampleDims];
            writer.Write(Dataset, _buffer, fileSelection: new HyperslabSelection(block.Length, start, block));
            _cache.WriteCompleted((ulong)((first + count) / _samplesPerChunk));
        }
    }
}
