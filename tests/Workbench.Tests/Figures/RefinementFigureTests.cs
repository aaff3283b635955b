using System.Globalization;
using Workbench.Figures.Recipes;
using Workbench.Tests.Training;

namespace Workbench.Tests.Figures;

[Collection(TrainingRunCollection.Name)]
public sealed class RefinementFigureTests : IDisposable
{
    private static readonly string RecipeFolder = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", "..", "experiments", "figures"));
    private readonly string _out = Directory.CreateTempSubdirectory("wb-refinement-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void TheQuickRecipeTrainsRefinesAndDrawsConsistentPanels()
    {
        new FigureCatalog(RecipeFolder).Render(["sfno-refine"], quick: true, _out);
        var folder = Path.Combine(_out, "sfno-refine");

        var errors = Rows(Path.Combine(folder, "refinement-error.csv"));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => i.ToString(CultureInfo.InvariantCulture)), errors.Select(r => r[1]));
        Assert.All(errors, r => Assert.InRange(Number(r[2]), 1e-4, 1.0));
        var residuals = Rows(Path.Combine(folder, "refinement-residual.csv"));
        Assert.True(Number(residuals[^1][2]) < Number(residuals[0][2]), "the residual did not fall");

        // The error panels are the forecast panels minus the truth panel, point by point.
        var panels = Rows(Path.Combine(folder, "fields-ns2d-sfno-refine-quick.csv"))
            .GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Select(r => Number(r[3])).ToArray());
        Assert.Equal(16 * 16, panels["truth"].Length);
        foreach (var (forecast, error) in new[] { ("before", "error before"), ("after", "error after") })
            for (var i = 0; i < panels["truth"].Length; i++)
                Assert.Equal(panels[forecast][i] - panels["truth"][i], panels[error][i], 5);
        Assert.NotEqual(panels["before"], panels["after"]);
    }

    private static string[][] Rows(string path) => File.ReadAllLines(path).Skip(1).Select(l => l.Split(',')).ToArray();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
