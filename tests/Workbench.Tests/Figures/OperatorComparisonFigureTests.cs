using System.Globalization;
using Workbench.Figures.Recipes;
using Workbench.Tests.Training;

namespace Workbench.Tests.Figures;

/// <summary>The operators figure regenerates its data, trains three models and must give the same numbers every time.</summary>
[Collection(TrainingRunCollection.Name)]
public sealed class OperatorComparisonFigureTests : IDisposable
{
    private static readonly string RecipeFolder = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", "..", "experiments", "figures"));
    private readonly string _out = Directory.CreateTempSubdirectory("wb-operators-figure-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Quick_recipe_twice_gives_identical_csv_and_every_model_learns()
    {
        // One intra-op thread, as the CLI tests use: bit-identical sums and no spinning thread pool on a busy machine.
        Workbench.Core.Runtime.Threads.Configure(1);
        var catalog = new FigureCatalog(RecipeFolder);
        catalog.Render(["operators-ns2d"], quick: true, Path.Combine(_out, "a"));
        catalog.Render(["operators-ns2d"], quick: true, Path.Combine(_out, "b"));
        string Read(string run, string file) => File.ReadAllText(Path.Combine(_out, run, "operators-ns2d", file));
        foreach (var file in new[] { "validation-error.csv", "error-spectra.csv", "field-ns2d-t1-quick.csv" })
            Assert.Equal(Read("a", file), Read("b", file));

        var curves = Read("a", "validation-error.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(','))
            .GroupBy(f => f[0], f => double.Parse(f[2], CultureInfo.InvariantCulture));
        Assert.Equal(["ns2d-afno-quick", "ns2d-fno-quick", "ns2d-t1-quick"], curves.Select(c => c.Key).Order());
        Assert.All(curves, c => Assert.True(c.Last() < 0.9 * c.First(), $"{c.Key}: validation error {c.First():G4} -> {c.Last():G4}"));
    }
}
