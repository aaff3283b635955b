using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Core.Progress;
using Workbench.Data.Generators.Radar;
using Workbench.Figures.Charts;
using Workbench.Models.Nowcasting.Baselines;
using Workbench.Models.Nowcasting.Wadepre;
using Workbench.Training.Config;
using Workbench.Training.Engine;
using Workbench.Training.Runs;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>
/// Generates radar sequences (frames of <see cref="Parameters.Resolution"/>) with the recipe's seed, trains the recipe's WADEPre experiment on all but the last
/// <see cref="Parameters.Held"/> of them and draws, for the first held-out sequence: the input frames, the truth and
/// the persistence, Lucas-Kanade extrapolation and WADEPre forecasts at every lead (one colour range, VIL 0..255);
/// and WADEPre's components at one lead: the approximation-only and detail-only reconstructions of its predicted
/// wavelet bands, their sum and the refined forecast, beside the truth.
/// </summary>
public sealed class NowcastExampleFigure : IFigureBuilder
{
    public sealed record Parameters(string Experiment, int Resolution, int Samples, int Held, int Epochs, int ComponentLead);

    public string Name => "nowcast-example";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        if (p.Held < 2 || p.Samples - p.Held < 2) throw new ConfigException($"{recipe.Name}: needs at least 2 training and 2 held-out sequences");
        var scratch = Directory.CreateTempSubdirectory("workbench-figure-nowcast-").FullName;
        try
        {
            var loaded = ExperimentConfigLoader.Load(Path.Combine(recipe.Folder, p.Experiment));
            if (loaded.Model is not WadepreOptions) throw new ConfigException($"{recipe.Name}: {p.Experiment} is not a WADEPre experiment");
            var radar = new RadarOptions { Resolution = p.Resolution };
            var dataPath = Path.Combine(scratch, "radar.h5");
            RadarDatasets.Write(dataPath, radar, recipe.Seed, p.Samples);
            var (trainEnd, validationEnd) = (p.Samples - p.Held, p.Samples - p.Held / 2);
            var config = loaded with
            {
                Seed = recipe.Seed, Epochs = p.Epochs, Device = "cpu",
                Data = loaded.Data with { Path = dataPath, Train = $"0:{trainEnd}", Validation = $"{trainEnd}:{validationEnd}", Test = $"{validationEnd}:{p.Samples}" },
            };
            var run = new RunFolder(Path.Combine(scratch, config.Name));
            new Trainer(torch.CPU, SilentProgress.Instance).Train(config, run, resume: false);
            return Draw(config, run, validationEnd, p.ComponentLead);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static IReadOnlyList<Figure> Draw(ExperimentConfig config, RunFolder run, int sample, int lead)
    {
        using var data = DataSourceFactory.Open(config);
        using var model = (WadepreModel)TrainedRun.Open(run.Root).LoadModel("last", torch.CPU).Model;
        using var scope = torch.NewDisposeScope();
        using var _ = torch.no_grad();
        var (x, y) = data.Source.Load([sample]);
        var leads = (int)y.shape[1];
        if (lead < 1 || lead > leads) throw new ConfigException($"component_lead: expected 1..{leads}, got {lead}");
        var components = model.Components(x);
        var rows = new (string Name, torch.Tensor Frames)[]
        {
            ("truth", y), ("persistence", Persistence.Forecast(x, leads)),
            ("extrapolation", new Extrapolation(new LucasKanadeFlow()).Forecast(x, leads)), ("wadepre", components.Output * WadepreModel.PixelScale),
        };
        var inputs = (int)x.shape[1];
        var panels = Enumerable.Range(0, inputs).Select(t => new FieldPanel($"input t{t - inputs + 1}", Frame(x, t)))
            .Concat(rows.SelectMany(row => Enumerable.Range(0, leads).Select(t => new FieldPanel($"{row.Name} t+{t + 1}", Frame(row.Frames.clamp(0, 255), t)))))
            .ToList();
        var parts = new FieldPanel[]
        {
            new("approximation only", Frame(components.ApproximationOnly * WadepreModel.PixelScale, lead - 1)),
            new("detail only", Frame(components.DetailOnly * WadepreModel.PixelScale, lead - 1), Signed: true),
            new("approximation + detail", Frame(components.Combined * WadepreModel.PixelScale, lead - 1)),
            new("refined forecast", Frame(components.Output * WadepreModel.PixelScale, lead - 1)),
            new("truth", Frame(y, lead - 1)),
        };
        return
        [
            FieldCharts.Panels("sequence", $"Sequence {sample}: inputs, truth and forecasts per lead (VIL)", panels, Math.Max(inputs, leads), (0, 255)),
            FieldCharts.Panels("wadepre-components", $"WADEPre components at t+{lead} (VIL; the detail centred on 0)", parts, parts.Length),
        ];
    }

    private static float[,] Frame(torch.Tensor frames, int index) => FieldArrays.Of(frames[0, index]);
}
