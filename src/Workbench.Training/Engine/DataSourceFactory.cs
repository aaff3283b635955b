using Workbench.Core.Errors;
using Workbench.Data.Generators;
using Workbench.Data.Sources;
using Workbench.Training.Config;

namespace Workbench.Training.Engine;

/// <summary>Opens the dataset an experiment names and checks that its splits and sample shapes fit.</summary>
public static class DataSourceFactory
{
    public static ISampleSource Open(ExperimentConfig config)
    {
        var data = config.Data;
        ISampleSource source = data.Builtin switch
        {
            DataConfig.HeatSmoothing1d => HeatSmoothing1d.Generate(new HeatSmoothing1dOptions(data.Samples, data.Resolution), config.Seed),
            _ => throw new ConfigException($"data.path: HDF5 datasets are not supported by this build ('{data.Path}')"),
        };
        try
        {
            CheckSplits(config, source);
            var problem = config.Model.CheckShapes(source.InputShape, source.TargetShape);
            if (problem is not null) throw new DataFileException($"{source.Description}: {problem}");
            return source;
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    private static void CheckSplits(ExperimentConfig config, ISampleSource source)
    {
        foreach (var (field, text) in new[] { ("train", config.Data.Train), ("validation", config.Data.Validation), ("test", config.Data.Test) })
        {
            if (text is null) continue;
            var range = IndexRange.Parse(text);
            if (range.End > source.Count)
                throw new ConfigException($"data.{field}: range {range} exceeds the {source.Count} samples of {source.Description}");
        }
    }
}
