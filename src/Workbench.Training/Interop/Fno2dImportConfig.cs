using Workbench.Core.Errors;
using Workbench.Models.Operators.Fno;
using Workbench.Models.Specs;
using Workbench.Training.Config;

namespace Workbench.Training.Interop;

/// <summary>FNO-2D options given on the command line; null: not given.</summary>
public sealed record Fno2dFlags(int? InChannels = null, int? OutChannels = null, int? Width = null, int? Modes1 = null, int? Modes2 = null,
    int? Layers = null, bool? BatchNorm = null);

/// <summary>
/// The experiment config of a run imported from an FNO-2D state dict. The model: the experiment file's model section
/// when one is given, else the one in the state dict's workbench spec, else the fno2d defaults; each flag given replaces
/// one field. The data (what eval measures on): the experiment file's, else the HDF5 file <c>dataPath</c> split
/// 0:0.8 / 0.8:0.9 / 0.9:1.0.
/// </summary>
public static class Fno2dImportConfig
{
    public const string Kind = "fno2d";

    public static ExperimentConfig Resolve(string file, string? experimentPath, string? dataPath, Fno2dFlags flags, string runName)
    {
        var experiment = experimentPath is null ? null : ExperimentConfigLoader.Load(experimentPath);
        if (experiment is not null && experiment.Model is not FnoOptions { Dims: 2 })
            throw new ConfigException($"{experimentPath}: model.kind must be {Kind} to import an {Kind} state dict");
        var fromFile = InteropSpec.Model<ModelSpec>(StateDictFile.ReadSpec(file), file);
        if (experiment is null && fromFile is not null and not FnoOptions { Dims: 2 })
            throw new DataFileException($"{file}: holds a {fromFile.Kind} model, not {Kind}");
        var model = (FnoOptions?)experiment?.Model ?? fromFile as FnoOptions ?? new FnoOptions(1, 1, [12, 12]);
        model = model with
        {
            InChannels = flags.InChannels ?? model.InChannels,
            OutChannels = flags.OutChannels ?? model.OutChannels,
            Width = flags.Width ?? model.Width,
            Modes = [flags.Modes1 ?? model.Modes[0], flags.Modes2 ?? model.Modes[1]],
            Layers = flags.Layers ?? model.Layers,
            BatchNorm = flags.BatchNorm ?? model.BatchNorm,
        };
        var config = experiment is not null
            ? experiment with { Model = model }
            : new ExperimentConfig
            {
                Name = runName,
                Model = model,
                Data = new DataConfig
                {
                    Path = dataPath ?? throw new WorkbenchException("import: give --config EXPERIMENT.json or --data FILE.h5 (the data eval measures the run on)"),
                    Train = "0:0.8",
                    Validation = "0.8:0.9",
                    Test = "0.9:1.0",
                },
            };
        return ExperimentConfigLoader.Parse(ExperimentConfigLoader.Serialize(config), "import");
    }
}
