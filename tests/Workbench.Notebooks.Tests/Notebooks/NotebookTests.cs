using System.Text.RegularExpressions;
using Workbench.Interactive.Display;
using Workbench.Notebooks.Tests.Runner;
using Xunit.Abstractions;

namespace Workbench.Notebooks.Tests.Notebooks;

/// <summary>Every notebooks/*.ipynb runs headless in quick mode without a cell error; charts draw with the one inlined plotly.js, nothing from the network.</summary>
[Collection(NotebookCollection.Name)]
public partial class NotebookTests(ITestOutputHelper log)
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_without_a_cell_error(string notebook)
    {
        var runs = Directory.CreateTempSubdirectory("workbench-nb-runs-");
        try
        {
            NotebookRunner.ConfigureEnvironment(runs.FullName);
            var result = await NotebookRunner.RunAsync(Path.Combine(RepositoryPaths.Notebooks, notebook), RepositoryPaths.LibraryFolder);
            foreach (var cell in result.Cells) log.WriteLine($"cell {cell.Index}: {cell.Elapsed.TotalSeconds:F2} s");
            log.WriteLine($"{notebook}: {result.Elapsed.TotalSeconds:F1} s");
            Assert.True(result.Error is null, result.Error);
            var html = result.Outputs.Where(o => o.MimeType == "text/html").Select(o => o.Value).ToList();
            // plotly.js is inlined once, in the first cell's output; every chart after it draws with that copy.
            var library = Assert.Single(html, h => h.Contains(PlotlyLibrary.Marker, StringComparison.Ordinal));
            Assert.Same(library, html[0]);
            Assert.Contains(html, h => h.Contains("Plotly.newPlot", StringComparison.Ordinal));
            // Embedded images are base64, which can spell "cdn" by chance: look at the markup around them only.
            var markup = html.Skip(1).Select(h => EmbeddedData().Replace(h, "data:")).ToList();
            Assert.DoesNotContain(markup, h => Regex.IsMatch(h, "<script[^>]*src", RegexOptions.IgnoreCase) || h.Contains("cdn", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            runs.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_tour_and_the_spright_notebook_exist()
    {
        var names = Directory.GetFiles(RepositoryPaths.Notebooks, "*.ipynb").Select(Path.GetFileName).ToList();
        Assert.Contains("00-tour.ipynb", names);
        Assert.Contains("03-spright.ipynb", names);
    }

    [GeneratedRegex(@"data:[a-z/+]+;base64,[A-Za-z0-9+/=]+")]
    private static partial Regex EmbeddedData();
}
