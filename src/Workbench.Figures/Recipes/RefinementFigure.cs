using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Figures.Charts;
using Workbench.Spectral.Fourier;
using Workbench.Training.Refine;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>
/// Spectral-Refiner fine-tuning of a trained SFNO, one refinement config after another: the relative L2 error to the
/// ground truth (never used by the residual objective) and the residual norm per iteration, the radial spectra of the
/// errors before and after (which bands each refinement changes), and truth / before / after fields with their errors
/// (last frame of the first sample). The trained run is <c>run</c> (relative to the recipe) or, when absent, the
/// recipe trains <c>experiment</c> itself; with <c>generate</c> it makes its own small dataset, which the experiment and
/// the refinements (samples <c>samples</c>) then read.
/// </summary>
public sealed class RefinementFigure : IFigureBuilder
{
    public sealed record Parameters(string[] Refinements, string? Run, string? Experiment, int? Epochs, GeneratedFlow? Generate, string? Samples);

    public string Name => "refinement";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        var scratch = Directory.CreateTempSubdirectory("workbench-figure-refinement-").FullName;
        try
        {
            var dataPath = p.Generate?.Write(recipe.Seed, Path.Combine(scratch, "flow.h5"));
            var trained = p.Run is { } run ? Path.Combine(recipe.Folder, run) : Train(recipe, p, dataPath, scratch);
            var errors = new List<Series>();
            var residuals = new List<Series>();
            var spectra = new List<Series>();
            var fields = new List<Figure>();
            foreach (var file in p.Refinements)
            {
                var config = RefineConfig.Load(Path.Combine(recipe.Folder, file));
                if (dataPath is not null) config = config with { Data = config.Data with { Path = dataPath, Samples = p.Samples ?? config.Data.Samples } };
                else config = config with { Data = config.Data with { Path = Path.Combine(recipe.Folder, "..", "..", config.Data.Path) } };
                var (_, inputs, truth, refiner) = RefineRunner.Prepare(config, trained, torch.CPU);
                var optimizer = new RefinerOptimizer(config.Optimizer, config.Lr, config.Momentum);
                var before = refiner.Run(inputs, truth, 0, optimizer, _ => { });
                var steps = new List<RefinementStep>();
                var after = refiner.Run(inputs, truth, config.Iterations, optimizer, steps.Add);
                var iterations = steps.Select(s => (double)s.Iteration).ToList();
                errors.Add(new Series(config.Name, iterations, steps.Select(s => s.RelativeL2).ToList()));
                residuals.Add(new Series(config.Name, iterations, steps.Select(s => s.Residual).ToList()));
                if (spectra.Count == 0)
                {
                    spectra.Add(Shells("truth", truth));
                    spectra.Add(Shells("error before", before - truth));
                }
                spectra.Add(Shells($"error after {config.Name}", after - truth));
                fields.Add(Fields(config.Name, truth, before, after));
            }
            return
            [
                CurveCharts.Lines("refinement-error", "Relative L2 error to the ground truth per iteration", "iteration", "relative L2 (mean over samples)", errors, logY: true),
                CurveCharts.Lines("refinement-residual", "Residual norm per iteration", "iteration", "residual norm (mean over samples)", residuals, logY: true),
                CurveCharts.LogLog("refinement-spectra", "Error spectra before and after refinement", Spectra.WavenumberLabel, Spectra.EnergyLabel, spectra),
                .. fields,
            ];
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Train(FigureRecipe recipe, Parameters p, string? dataPath, string scratch)
    {
        if (p.Experiment is null) throw new ConfigException($"{recipe.Name}: expected 'run' (a trained SFNO run folder) or 'experiment'");
        return RecipeTraining.Train(recipe, p.Experiment, p.Epochs, dataPath, scratch).Run.Root;
    }

    /// <summary>Truth and the forecasts before and after on one colour range, their errors on one diverging range: the last frame of the first sample.</summary>
    private static Figure Fields(string name, torch.Tensor truth, torch.Tensor before, torch.Tensor after)
    {
        using var scope = torch.NewDisposeScope();
        var frame = truth.shape[1] - 1;
        var panels = new List<FieldPanel>
        {
            new("truth", FieldArrays.Of(truth[0, frame])),
            new("before", FieldArrays.Of(before[0, frame])),
            new("after", FieldArrays.Of(after[0, frame])),
            new("error before", FieldArrays.Of(before[0, frame] - truth[0, frame]), Signed: true),
            new("error after", FieldArrays.Of(after[0, frame] - truth[0, frame]), Signed: true),
        };
        return FieldCharts.Panels($"fields-{name}", $"{name}: last frame of the first sample", panels, 3);
    }

    /// <summary>The radial spectrum of fields [S, T, X, Y] averaged over samples and frames, shells 1..K.</summary>
    private static Series Shells(string name, torch.Tensor fields)
    {
        using var scope = torch.NewDisposeScope();
        var spectrum = RadialSpectrum.Compute(fields.detach().to(torch.float64)).mean([0L, 1L]).data<double>().ToArray();
        return new Series(name, Enumerable.Range(1, spectrum.Length - 1).Select(k => (double)k).ToList(), spectrum[1..]);
    }
}
