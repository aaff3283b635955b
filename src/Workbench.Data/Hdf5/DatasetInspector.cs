using PureHDF;
using PureHDF.Selections;
using PureHDF.VOL.Native;
using Workbench.Core.Errors;

namespace Workbench.Data.Hdf5;

/// <summary>Builds a <see cref="DatasetReport"/> for any HDF5 file; value ranges are computed block by block.</summary>
public static class DatasetInspector
{
    private const long BlockBytes = 16L << 20;

    public static DatasetReport Inspect(string path, long chunkCacheBytes = 64L << 20)
    {
        var full = Path.GetFullPath(path);
        using var file = Hdf5FileOpener.Open(full);
        List<string> paths;
        IReadOnlyDictionary<string, object> rootAttributes;
        try
        {
            paths = Hdf5FileOpener.ListDatasets(file);
            rootAttributes = AttributeReader.ReadAll(file);
        }
        catch (Exception ex) when (ex is not WorkbenchException)
        {
            throw new DataFileException($"{full}: corrupt or truncated HDF5 file ({Hdf5DatasetWriter.FirstLine(ex.Message)})", ex);
        }
        var entries = paths.Select(datasetPath => Describe(full, datasetPath, Hdf5FileOpener.Dataset(file, datasetPath), chunkCacheBytes)).ToList();
        return new DatasetReport(full, entries, Format(rootAttributes));
    }

    private static DatasetEntry Describe(string file, string path, NativeDataset dataset, long chunkCacheBytes)
    {
        try
        {
            var shape = dataset.Space.Type == H5DataspaceType.Simple ? dataset.Space.Dimensions.Select(size => (long)size).ToArray() : [];
            var chunks = dataset.Layout.Class == H5DataLayoutClass.Chunked ? dataset.Layout.Chunks.Select(size => (long)size).ToArray() : null;
            var attributes = Format(AttributeReader.ReadAll(dataset));
            var isFloat = dataset.Type.Class == H5DataTypeClass.FloatingPoint && dataset.Type.Size is 4 or 8;
            ValueRange? values = null;
            if (isFloat && dataset.Space.Type == H5DataspaceType.Scalar)
                values = RangeOf([dataset.Type.Size == 4 ? dataset.Read<float>() : (float)dataset.Read<double>()]);
            else if (isFloat && shape.Length > 0 && shape.All(size => size > 0))
                values = RangeOf(new Hdf5FloatArray(file, path, dataset, chunkCacheBytes));
            return new DatasetEntry(path, shape, Hdf5TypeNames.Describe(dataset.Type), dataset.Layout.Class.ToString().ToLowerInvariant(),
                chunks, FilterPipelineProbe.Describe(dataset), attributes, values);
        }
        catch (Exception ex) when (ex is not WorkbenchException)
        {
            throw new DataFileException($"{file}: cannot inspect {path} ({Hdf5DatasetWriter.FirstLine(ex.Message)})", ex);
        }
    }

    private static ValueRange RangeOf(Hdf5FloatArray array)
    {
        var accumulator = new RangeAccumulator();
        var samplesPerBlock = Math.Max(1, BlockBytes / sizeof(float) / array.SampleSize);
        var buffer = new float[Math.Min(samplesPerBlock, array.SampleCount) * array.SampleSize];
        for (long start = 0; start < array.SampleCount; start += samplesPerBlock)
        {
            var count = Math.Min(samplesPerBlock, array.SampleCount - start);
            var block = buffer.AsSpan(0, (int)(count * array.SampleSize));
            array.ReadRange(start, count, block);
            accumulator.Add(block);
        }
        return accumulator.Result();
    }

    private static ValueRange RangeOf(ReadOnlySpan<float> values)
    {
        var accumulator = new RangeAccumulator();
        accumulator.Add(values);
        return accumulator.Result();
    }

    private static IReadOnlyDictionary<string, string> Format(IReadOnlyDictionary<string, object> attributes) =>
        attributes.ToDictionary(pair => pair.Key, pair => AttributeReader.Format(pair.Value));

    private sealed class RangeAccumulator
    {
        private double _min = double.PositiveInfinity;
        private double _max = double.NegativeInfinity;
        private double _sum;
        private long _count;
        private long _nan;

        public void Add(ReadOnlySpan<float> values)
        {
            var blockSum = 0.0;
            foreach (var value in values)
            {
                if (float.IsNaN(value))
                {
                    _nan++;
                    continue;
                }
                _min = Math.Min(_min, value);
                _max = Math.Max(_max, value);
                blockSum += value;
                _count++;
            }
            _sum += blockSum;
        }

        public ValueRange Result() => _count == 0
            ? new ValueRange(double.NaN, double.NaN, double.NaN, _nan)
            : new ValueRange(_min, _max, _sum / _count, _nan);
    }
}
