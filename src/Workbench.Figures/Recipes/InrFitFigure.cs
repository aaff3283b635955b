using Workbench.Figures.Charts;
using Workbench.Models.Inr;
using Workbench.Training.Inr;
using static TorchSharp.torch;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>
/// Fits each model to one image at one parameter budget and draws PSNR against steps, each reconstruction with its
/// error map, and NSTR's frequency flow: the local spectral centroid sum_i S_i^2 |omega_i| / (2 pi sum_i S_i^2) in
/// cycles per unit, and the magnitude |F_theta(x, S(x))| of the transport field summed over the K amplitudes.
/// </summary>
public sealed class InrFitFigure : IFigureBuilder
{
    public sealed record Parameters(string Data, string Task, int Size, long Budget, int Steps, int EvalEvery, string[] Models);

    public string Name => "inr-fit";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        var scale = new InrTaskScale(Path.Combine(recipe.Folder, p.Data), p.Size, Seed: recipe.Seed);
        var signal = scale.Load(p.Task);
        var side = signal.Resolution;
        var figures = new List<Figure>();
        var curves = new List<Series>();
        foreach (var name in p.Models)
        {
            var kind = Enum.Parse<InrKind>(name, ignoreCase: true);
            var result = InrComparison.FitOne(signal, kind, p.Budget, new InrFitSettings(p.Steps, p.EvalEvery), recipe.Seed, null, null, out var model);
            using (model)
            using (no_grad())
            {
                curves.Add(new Series($"{result.Model} ({result.Parameters} parameters)", result.Curve.Select(c => (double)c.Step).ToList(),
                    result.Curve.Select(c => c.Score).ToList()));
                var prediction = model.forward(signal.TestCoordinates).clamp(-1, 1);
                figures.Add(FieldCharts.TruthPredictionError($"{recipe.Name}-{result.Model}", $"{result.Model} on {p.Task}: {result.Score:F2} dB",
                    Grid(signal.TestValues, side), Grid(prediction, side)));
                if (model is Nstr nstr) figures.AddRange(Flow(recipe.Name, nstr, signal, side));
            }
        }
        figures.Insert(0, CurveCharts.Lines($"{recipe.Name}-psnr", $"{p.Task} {side}^2, {p.Budget} parameters: PSNR vs steps", "training step", "PSNR (dB)", curves));
        return figures;
    }

    private static IEnumerable<Figure> Flow(string name, Nstr model, InrSignal signal, int side)
    {
        var x = signal.TestCoordinates;
        var s = model.Spectrum(x);
        var cycles = model.Frequencies.norm(1).div(2 * Math.PI);
        var energy = s.square();
        var centroid = (energy * cycles).sum(1) / energy.sum(1);
        var flow = model.Flow(x, s).square().sum([1L, 2L]).sqrt();
        yield return FieldCharts.Heatmap($"{name}-nstr-centroid", "NSTR local spectral centroid (cycles per unit)", Grid(centroid.reshape(-1, 1), side));
        yield return FieldCharts.Heatmap($"{name}-nstr-flow", "NSTR transport field |F_θ(x, S(x))|", Grid(flow.reshape(-1, 1), side));
    }

    /// <summary>The first channel of [side^2, C] values as a [side, side] array.</summary>
    private static float[,] Grid(Tensor values, int side) => FieldArrays.Of(values[.., 0].reshape(side, side));
}
