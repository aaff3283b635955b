using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Plotly.NET;
using Workbench.Figures.Charts;
using Workbench.Figures.Output;
using Workbench.Figures.Recipes;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Tests.Figures;

public sealed partial class FigureStyleTests : IDisposable
{
    private static readonly string RecipeFolder = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", "..", "experiments", "figures"));
    private readonly string _out = Directory.CreateTempSubdirectory("wb-style-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static (JsonArray Traces, JsonObject Layout) Plot(Figure figure)
    {
        var chart = figure.Styled;
        return (JsonNode.Parse(JsonConvert.SerializeObject(GenericChart.getTraces(chart)))!.AsArray(),
            JsonNode.Parse(JsonConvert.SerializeObject(GenericChart.getLayout(chart)))!.AsObject());
    }

    [GeneratedRegex(@"var layout = (\{.*\});", RegexOptions.Multiline)]
    private static partial Regex PageLayout();

    [Fact]
    public void EveryPageLoadsTheOnePlotlyScriptBesideTheIndexAndIsFramedAtItsOwnSize()
    {
        new FigureCatalog(RecipeFolder).Render(["spright-success", "spright-ising"], quick: true, _out);

        var script = File.ReadAllText(Path.Combine(_out, PlotlyScript.FileName));
        Assert.StartsWith($"/**\n* plotly.js v{PlotlyScript.Version}", script);
        Assert.True(script.Length > 3_000_000, "the full plotly.js bundle");
        Assert.Single(Directory.GetFiles(_out, PlotlyScript.FileName, SearchOption.AllDirectories));
        var index = File.ReadAllText(Path.Combine(_out, "index.html"));
        foreach (var name in new[] { "spright-success", "spright-ising" })
        {
            var page = File.ReadAllText(Path.Combine(_out, name, name + ".html"));
            Assert.Contains($"<script src=\"../{PlotlyScript.FileName}\"", page);
            Assert.True(page.Length < 100_000, $"{name}.html holds {page.Length} characters: plotly.js must not be inlined");
            var layout = JsonNode.Parse(PageLayout().Match(page).Groups[1].Value)!;
            Assert.Equal(("white", "white"), ((string?)layout["template"]!["layout"]!["paper_bgcolor"], (string?)layout["template"]!["layout"]!["plot_bgcolor"]));
            Assert.Equal(FigureTheme.FontSize, (int)layout["template"]!["layout"]!["font"]!["size"]!);
            var (width, height) = ((int)(double)layout["width"]!, (int)(double)layout["height"]!);
            Assert.Contains($"src=\"{name}/{name}.html\" title=\"{name}\" width=\"{width + FigureIndex.FrameMargin}\" height=\"{height + FigureIndex.FrameMargin}\"", index);
        }
    }

    [Fact]
    public void TheErrorPanelIsDivergingAndSymmetricAboutZeroWhileTruthAndPredictionShareViridis()
    {
        var truth = new float[,] { { 1, 2 }, { 3, 4 } };
        var prediction = new float[,] { { 1.5f, 2 }, { 3, 3 } };
        var (traces, _) = Plot(FieldCharts.TruthPredictionError("field", "Field", truth, prediction));

        Assert.Equal(3, traces.Count);
        foreach (var panel in traces.Take(2))
        {
            Assert.Equal("Viridis", (string?)panel!["colorscale"]);
            Assert.Equal((1.0, 4.0), ((double)panel["zmin"]!, (double)panel["zmax"]!));
        }
        var error = traces[2]!;
        Assert.Equal((-1.0, 1.0), ((double)error["zmin"]!, (double)error["zmax"]!));
        var scale = error["colorscale"]!.AsArray();
        Assert.Equal((0.5, "rgb(247,247,247)"), ((double)scale[2]![0]!, (string?)scale[2]![1]));
        Assert.Equal(new[] { 0.5, 0.0 }, error["z"]![0]!.AsArray().Select(v => (double)v!));
        Assert.Equal(new[] { 0.0, -1.0 }, error["z"]![1]!.AsArray().Select(v => (double)v!));
    }

    [Fact]
    public void HeatmapCellsAreSquareWithRowZeroOnTop()
    {
        var field = new float[,] { { 0, 1, 2 }, { 3, 4, 5 }, { 6, 7, 8 } };
        var (_, layout) = Plot(FieldCharts.TruthPredictionError("field", "Field", field, field));
        for (var i = 1; i <= 3; i++)
        {
            var suffix = i == 1 ? "" : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var y = layout["yaxis" + suffix]!;
            Assert.Equal("x" + suffix, (string?)y["scaleanchor"]);
            Assert.Equal("reversed", (string?)y["autorange"]);
        }
        var (single, singleLayout) = Plot(FieldCharts.Heatmap("one", "One", field));
        Assert.Equal("x", (string?)singleLayout["yaxis"]!["scaleanchor"]);
        Assert.Equal("Viridis", (string?)single[0]!["colorscale"]);
    }

    [Fact]
    public void MetricKeysReadAsWords()
    {
        Assert.Equal("validation relative L2", MetricLabels.Display("val_relative_l2"));
        Assert.Equal("train loss", MetricLabels.Display("train_loss"));
        Assert.Equal("validation PSNR (dB)", MetricLabels.Display("val_psnr"));
        Assert.Equal("CSI at VIL 181", MetricLabels.Display("csi_181"));
        Assert.Equal("CSI-M (mean over thresholds)", MetricLabels.Display("csi_m"));
        Assert.Equal("PSNR (dB)", MetricLabels.Display("psnr"));
    }
}
