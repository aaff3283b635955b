using Workbench.Figures.Charts;

namespace Workbench.Tests.Figures;

public sealed class FigureOutputTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-fig-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LogLogFigureWritesHtmlWithPlotlyBesideItAndExactCsv()
    {
        var series = new Series("k^-3", [1.0, 2.0, 4.0], [1.0, 0.125, 0.015625]);
        var files = CurveCharts.LogLog("spectrum", "Spectrum", "k", "E(k)", [series]).Save(_folder);

        Assert.Equal(["spectrum.html", "spectrum.csv"], files.Select(Path.GetFileName));
        Assert.Equal("series,k,E(k)\nk^-3,1,1\nk^-3,2,0.125\nk^-3,4,0.015625\n", File.ReadAllText(files[1]));
        var html = File.ReadAllText(files[0]);
        Assert.Contains("<script src=\"plotly.min.js\"", html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.True(new FileInfo(Path.Combine(_folder, "plotly.min.js")).Length > 3_000_000, "plotly.js is written beside the page");
        Assert.Contains("\"type\":\"log\"", html);
        Assert.Empty(Directory.GetFiles(_folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void TruthPredictionErrorPanelsHoldTheDifference()
    {
        var truth = new float[,] { { 1, 2 }, { 3, 4 } };
        var prediction = new float[,] { { 1.5f, 2 }, { 3, 3 } };
        var figure = FieldCharts.TruthPredictionError("field", "Field", truth, prediction);
        var csv = figure.Data.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(13, csv.Length);
        Assert.Contains("error,0,0,0.5", csv);
        Assert.Contains("error,1,1,-1", csv);
        Assert.Contains("prediction,0,0,1.5", csv);
    }

    [Fact]
    public void SameInputGivesIdenticalFiles()
    {
        var series = new Series("a", [0.0, 1.0 / 3.0], [Math.PI, Math.E]);
        var first = CurveCharts.Lines("x", "X", "t", "v", [series]).Save(Path.Combine(_folder, "1"));
        var second = CurveCharts.Lines("x", "X", "t", "v", [series]).Save(Path.Combine(_folder, "2"));
        Assert.Equal(File.ReadAllText(first[1]), File.ReadAllText(second[1]));
        Assert.Contains("0.3333333333333333", File.ReadAllText(first[1]));
    }
}
