using TorchSharp;
using Workbench.Core.Progress;
using Workbench.Training.Config;
using Workbench.Training.Engine;
using Workbench.Training.Runs;

namespace Workbench.Figures.Recipes;

/// <summary>Trains an experiment a recipe names, on the CPU with the recipe's seed, into a run folder under a scratch folder.</summary>
public static class RecipeTraining
{
    /// <summary>
    /// Loads <paramref name="experiment"/> (relative to the recipe), overrides its epochs when given and its data file
    /// with <paramref name="dataPath"/> when given, trains it and returns the config it ran and its run folder.
    /// </summary>
    public static (ExperimentConfig Config, RunFolder Run) Train(FigureRecipe recipe, string experiment, int? epochs, string? dataPath, string scratch)
    {
        var config = ExperimentConfigLoader.Load(Path.Combine(recipe.Folder, experiment));
        config = config with { Seed = recipe.Seed, Epochs = epochs ?? config.Epochs, Device = "cpu" };
        if (dataPath is not null) config = config with { Data = config.Data with { Path = dataPath } };
        var run = new RunFolder(Path.Combine(scratch, config.Name));
        new Trainer(torch.CPU, SilentProgress.Instance).Train(config, run, resume: false);
        return (config, run);
    }
}
