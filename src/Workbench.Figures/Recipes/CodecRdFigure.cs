using System.Text.Json.Nodes;
using Workbench.Core.Errors;
using Workbench.Figures.Charts;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>
/// Rate-distortion curves, PSNR against bits per pixel, one series per codec, from the file
/// experiments/codec/evaluate.py wrote (its "curves": per codec the settings' mean bpp and PSNR over the images).
/// Points above <see cref="Parameters.MaxBpp"/> are left out so that the low-rate range stays readable. Both modes read
/// the measured file: the figure reports the evaluation, it does not make it.
/// </summary>
public sealed class CodecRdFigure : IFigureBuilder
{
    public sealed record Parameters(string Results, double MaxBpp = double.PositiveInfinity);

    public string Name => "codec-rd";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        var path = Path.Combine(recipe.Folder, p.Results);
        if (!File.Exists(path)) throw new WorkbenchException($"{path}: codec results not found (run experiments/codec/evaluate.py)");
        var curves = JsonNode.Parse(File.ReadAllText(path))?["curves"]?.AsObject()
                     ?? throw new WorkbenchException($"{path}: no 'curves' object");
        var series = curves.Select(curve => Curve(path, curve.Key, curve.Value, p.MaxBpp)).Where(s => s.X.Count > 0).ToList();
        return [CurveCharts.Lines("psnr-vs-bpp", "Rate-distortion: PSNR vs bits per pixel", "rate (bits per pixel)", "PSNR (dB)", series)];
    }

    private static Series Curve(string path, string codec, JsonNode? curve, double maxBpp)
    {
        double[] Values(string key) => curve?[key]?.AsArray().Select(v => (double?)v ?? double.NaN).ToArray()
                                       ?? throw new WorkbenchException($"{path}: codec '{codec}' has no '{key}' list");
        var (bpp, psnr) = (Values("bpp"), Values("psnr"));
        if (bpp.Length != psnr.Length) throw new WorkbenchException($"{path}: codec '{codec}' has {bpp.Length} rates but {psnr.Length} PSNRs");
        var points = bpp.Zip(psnr).Where(point => point.First <= maxBpp).OrderBy(point => point.First).ToList();
        return new Series(codec, points.Select(point => point.First).ToList(), points.Select(point => point.Second).ToList());
    }
}
