using PureHDF.VOL.Native;
using TorchSharp;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Data.Hdf5;

/// <summary>
/// A dataset file opened for reading: inputs (and targets, unless the options say the file has none) with the same
/// number of samples, read batch by batch with a sized chunk cache. Not thread-safe; open one per reader thread.
/// </summary>
public sealed class Hdf5DatasetFile : IDisposable
{
    private readonly NativeFile _file;

    private Hdf5DatasetFile(string path, DatasetReaderOptions options)
    {
        FilePath = Path.GetFullPath(path);
        _file = Hdf5FileOpener.Open(FilePath);
        try
        {
            Inputs = new Hdf5FloatArray(FilePath, options.InputsPath, Hdf5FileOpener.Dataset(_file, options.InputsPath), options.ChunkCacheBytes);
            if (options.TargetsPath is { } targetsPath)
            {
                Targets = new Hdf5FloatArray(FilePath, targetsPath, Hdf5FileOpener.Dataset(_file, targetsPath), options.ChunkCacheBytes);
                if (Targets.SampleCount != Inputs.SampleCount)
                    throw new DataFileException($"{FilePath}: {Inputs.Path} has {Inputs.SampleCount} samples but {Targets.Path} has {Targets.SampleCount}; they must match.");
            }
            try
            {
                Attributes = AttributeReader.ReadAll(_file);
            }
            catch (Exception ex)
            {
                throw new DataFileException($"{FilePath}: cannot read the root attributes ({Hdf5DatasetWriter.FirstLine(ex.Message)})", ex);
            }
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public static Hdf5DatasetFile Open(string path, DatasetReaderOptions? options = null) =>
        new(path, options ?? DatasetReaderOptions.Default);

    public string FilePath { get; }

    public Hdf5FloatArray Inputs { get; }

    public Hdf5FloatArray? Targets { get; }

    public long SampleCount => Inputs.SampleCount;

    /// <summary>Root attributes: string, long, double, or arrays of them.</summary>
    public IReadOnlyDictionary<string, object> Attributes { get; }

    /// <summary>The provenance attributes of the workbench layout, or null when the file lacks any of them.</summary>
    public DatasetProvenance? Provenance =>
        Attributes.TryGetValue(DatasetLayout.GeneratorAttribute, out var generator) && generator is string generatorName
        && Attributes.TryGetValue(DatasetLayout.ParametersAttribute, out var parameters) && parameters is string parametersJson
        && Attributes.TryGetValue(DatasetLayout.SeedAttribute, out var seed) && seed is long seedValue
        && Attributes.TryGetValue(DatasetLayout.VersionAttribute, out var version) && version is string versionText
            ? new DatasetProvenance(generatorName, parametersJson, seedValue, versionText)
            : null;

    public DatasetBatch ReadRange(long start, int count)
    {
        CheckRange(start, count);
        var inputs = Inputs.ReadRange(start, count);
        var targets = Targets?.ReadRange(start, count);
        return new DatasetBatch(inputs, [count, .. Inputs.SampleShape], targets, Targets is null ? null : [count, .. Targets.SampleShape]);
    }

    public DatasetBatch ReadBatch(IReadOnlyList<long> indices)
    {
        foreach (var index in indices)
            CheckRange(index, 1);
        var inputs = new float[checked(indices.Count * Inputs.SampleSize)];
        Inputs.ReadIndices(indices, inputs);
        float[]? targets = null;
        if (Targets is not null)
        {
            targets = new float[checked(indices.Count * Targets.SampleSize)];
            Targets.ReadIndices(indices, targets);
        }
        return new DatasetBatch(inputs, [indices.Count, .. Inputs.SampleShape], targets, Targets is null ? null : [indices.Count, .. Targets.SampleShape]);
    }

    /// <summary>Reads the listed samples as float32 tensors of shape [B, ...] on the CPU (targets null when the file has none).</summary>
    public (Tensor Inputs, Tensor? Targets) ReadTensors(IReadOnlyList<long> indices)
    {
        var batch = ReadBatch(indices);
        var inputs = torch.tensor(batch.Inputs, batch.InputShape, ScalarType.Float32);
        var targets = batch.Targets is null ? null : torch.tensor(batch.Targets, batch.TargetShape!, ScalarType.Float32);
        return (inputs, targets);
    }

    public void Dispose() => _file.Dispose();

    private void CheckRange(long start, long count)
    {
        if (start < 0 || count < 0 || start + count > SampleCount)
            throw new ArgumentOutOfRangeException(nameof(start), $"{FilePath}: samples {start}..{start + count - 1} are outside its {SampleCount} samples.");
    }
}
