using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Data.Hdf5;

namespace Workbench.Data.Sources;

/// <summary>A supervised dataset read batch by batch from an HDF5 file (inputs and targets datasets).</summary>
public sealed class Hdf5SampleSource : ISampleSource
{
    private readonly Hdf5DatasetFile _file;

    public Hdf5SampleSource(string path, DatasetReaderOptions options)
    {
        _file = Hdf5DatasetFile.Open(path, options);
        if (_file.Targets is null)
        {
            _file.Dispose();
            throw new DataFileException($"{path}: no targets dataset configured (set data.targets)");
        }
        Description = Path.GetFileName(path);
    }

    public string Description { get; }
    public long Count => _file.SampleCount;
    public long[] InputShape => _file.Inputs.SampleShape.Select(d => (long)d).ToArray();
    public long[] TargetShape => _file.Targets!.SampleShape.Select(d => (long)d).ToArray();

    public (torch.Tensor Inputs, torch.Tensor Targets) Load(IReadOnlyList<long> indices)
    {
        var (inputs, targets) = _file.ReadTensors(indices);
        return (inputs, targets!);
    }

    public void Dispose() => _file.Dispose();
}
