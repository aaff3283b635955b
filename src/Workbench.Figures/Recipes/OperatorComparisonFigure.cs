using TorchSharp;
using Workbench.Figures.Charts;
using Workbench.Spectral.Fourier;
using Workbench.Training.Config;
using Workbench.Training.Engine;
using Workbench.Training.Runs;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>
/// Trains several operator experiments on one 2-D flow dataset with the recipe's seed and draws: validation error per
/// epoch for every model, truth / prediction / error of the last target frame of the first test sample per model,
/// and the radial spectra of the test errors next to the truth's spectrum. With <c>generate</c> the recipe makes its own
/// small Navier-Stokes dataset (FNO task) and every experiment reads it instead of its configured file.
/// </summary>
public sealed class OperatorComparisonFigure : IFigureBuilder
{
    public sealed record Parameters(string[] Experiments, int? Epochs, GeneratedFlow? Generate);

    public string Name => "operator-comparison";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        var scratch = Directory.CreateTempSubdirectory("workbench-figure-operators-").FullName;
        try
        {
            var dataPath = p.Generate?.Write(recipe.Seed, Path.Combine(scratch, "flow.h5"));
            var curves = new List<Series>();
            var fields = new List<Figure>();
            var spectra = new List<Series>();
            foreach (var experiment in p.Experiments)
            {
                var (config, run) = RecipeTraining.Train(recipe, experiment, p.Epochs, dataPath, scratch);
                var metrics = run.ReadMetrics();
                curves.Add(new Series(config.Name, metrics.Select(m => (double)m["epoch"]!).ToList(),
                    metrics.Select(m => (double)m["val_relative_l2"]!).ToList()));
                var (truth, prediction, errorSpectrum, truthSpectrum) = TestPredictions(config, run);
                fields.Add(FieldCharts.TruthPredictionError($"field-{config.Name}", $"{config.Name}: last target frame of the first test sample", truth, prediction));
                if (spectra.Count == 0) spectra.Add(Shells("truth", truthSpectrum));
                spectra.Add(Shells($"error {config.Name}", errorSpectrum));
            }
            return
            [
                CurveCharts.Lines("validation-error", "Validation relative L2 per epoch", "epoch", "relative L2", curves, logY: true),
                .. fields,
                CurveCharts.LogLog("error-spectra", "Radial energy spectra of the test errors", Spectra.WavenumberLabel, Spectra.EnergyLabel, spectra),
            ];
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static (float[,] Truth, float[,] Prediction, double[] ErrorSpectrum, double[] TruthSpectrum) TestPredictions(ExperimentConfig config, RunFolder run)
    {
        using var data = DataSourceFactory.Open(config);
        using var model = TrainedRun.Open(run.Root).LoadModel("last", torch.CPU).Model;
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var test = data.Splits.Test.Count > 0 ? data.Splits.Test : data.Splits.Validation;
        var (x, y) = data.Source.Load(Enumerable.Range(0, (int)test.Count).Select(i => test.Start + i).ToArray());
        var prediction = model.forward(x);
        var errorSpectrum = RadialSpectrum.Compute((prediction - y).to(torch.float64)).mean([0L, 1L]);
        var truthSpectrum = RadialSpectrum.Compute(y.to(torch.float64)).mean([0L, 1L]);
        return (FieldArrays.Of(y[0, -1]), FieldArrays.Of(prediction[0, -1]), Values(errorSpectrum), Values(truthSpectrum));
    }

    private static double[] Values(torch.Tensor spectrum) => spectrum.data<double>().ToArray();

    /// <summary>Shells 1..K (the mean, shell 0, has no place on a log axis).</summary>
    private static Series Shells(string name, double[] spectrum) =>
        new(name, Enumerable.Range(1, spectrum.Length - 1).Select(k => (double)k).ToList(), spectrum[1..]);
}
