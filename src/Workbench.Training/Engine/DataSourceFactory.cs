using Workbench.Core.Errors;
using Workbench.Data.Generators;
using Workbench.Data.Hdf5;
using Workbench.Data.Sources;
using Workbench.Data.Splits;
using Workbench.Training.Config;
using Workbench.Models.Specs;

namespace Workbench.Training.Engine;

/// <summary>A dataset opened for an experiment, with its splits resolved against the sample count.</summary>
public sealed record OpenedData(ISampleSource Source, DatasetSplits Splits) : IDisposable
{
    public TrainingData ForModel => new(Source, Splits.Train);

    public void Dispose() => Source.Dispose();
}

/// <summary>Opens the dataset an experiment names and checks that its splits and sample shapes fit the model.</summary>
public static class DataSourceFactory
{
    public static OpenedData Open(ExperimentConfig config)
    {
        var data = config.Data;
        ISampleSource source = data.Builtin is not null
            ? HeatSmoothing1d.Generate(new HeatSmoothing1dOptions(data.Samples, data.Resolution), config.Seed)
            : new Hdf5SampleSource(data.Path!, new DatasetReaderOptions { InputsPath = data.Inputs, TargetsPath = data.Targets });
        try
        {
            var splits = DatasetSplits.Parse(data.Train, data.Validation, data.Test, source.Count);
            if (splits.Validation.Count == 0) throw new ConfigException($"data.validation: '{data.Validation}' selects no samples");
            var problem = config.Model.CheckShapes(source.InputShape, source.TargetShape);
            if (problem is not null) throw new DataFileException($"{source.Description}: {problem}");
            if (config.Augment == AugmentKind.Dihedral && DihedralAugmentation.Problem(source.InputShape, source.TargetShape) is { } unfit)
                throw new ConfigException(unfit);
            return new OpenedData(source, splits);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }
}
