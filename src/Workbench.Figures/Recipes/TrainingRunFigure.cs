using TorchSharp;
using Workbench.Core.Progress;
using Workbench.Figures.Charts;
using Workbench.Training.Config;
using Workbench.Training.Engine;
using Workbench.Training.Runs;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>
/// Trains an experiment config (epochs overridable per recipe mode) in a scratch run folder and draws its training
/// curves and, for 1-D operator tasks, input, target and prediction of the first validation sample.
/// </summary>
public sealed class TrainingRunFigure : IFigureBuilder
{
    public sealed record Parameters(string Experiment, int? Epochs);

    public string Name => "training-run";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        var config = ExperimentConfigLoader.Load(Path.Combine(recipe.Folder, p.Experiment));
        config = config with { Seed = recipe.Seed, Epochs = p.Epochs ?? config.Epochs, Device = "cpu" };
        var scratch = Directory.CreateTempSubdirectory("workbench-figure-run-").FullName;
        try
        {
            var run = new RunFolder(Path.Combine(scratch, config.Name));
            new Trainer(torch.CPU, SilentProgress.Instance).Train(config, run, resume: false);
            var figures = new List<Figure> { RunCharts.TrainingCurves(config.Name, run.ReadMetrics()) };
            if (FirstValidationProfile(config, run) is { } profile) figures.Add(profile);
            return figures;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static Figure? FirstValidationProfile(ExperimentConfig config, RunFolder run)
    {
        using var data = DataSourceFactory.Open(config);
        if (data.Source.InputShape.Length != 2 || data.Source.InputShape[0] != 1) return null;
        using var model = TrainedRun.Open(run.Root).LoadModel("last", torch.CPU).Model;
        using var scope = torch.NewDisposeScope();
        var (x, y) = data.Source.Load([data.Splits.Validation.Start]);
        using var _ = torch.no_grad();
        var prediction = model.forward(x);
        double[] Row(torch.Tensor t) => t.flatten().to(torch.float64).data<double>().ToArray();
        var grid = Enumerable.Range(0, (int)x.shape[^1]).Select(i => (double)i / x.shape[^1]).ToArray();
        return CurveCharts.Lines("validation-sample", $"{config.Name}: first validation sample", "x (domain length 1)", "u(x)",
            [new Series("input", grid, Row(x)), new Series("target", grid, Row(y)), new Series("prediction", grid, Row(prediction))]);
    }
}
