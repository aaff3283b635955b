using System.Globalization;
using Workbench.Figures.Recipes;

namespace Workbench.Tests.Figures;

/// <summary>The quick INR figure: one PSNR curve per model matching its fit, NSTR's centroid within the range of its frequencies.</summary>
[Collection(Training.TrainingRunCollection.Name)]
public sealed class InrFigureTests : IDisposable
{
    private static readonly string RecipeFolder = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", "..", "experiments", "figures"));
    private readonly string _out = Directory.CreateTempSubdirectory("wb-inr-fig-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void Quick_recipe_draws_curves_reconstructions_and_the_frequency_flow()
    {
        new FigureCatalog(RecipeFolder).Render(["inr-camera"], quick: true, _out);
        var folder = Path.Combine(_out, "inr-camera");
        var curve = File.ReadAllLines(Path.Combine(folder, "inr-camera-psnr.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.Equal(4, curve.Select(r => r[0].Split(' ')[0]).Distinct().Count());
        Assert.Equal(4 * 3, curve.Length);
        Assert.All(curve, r => Assert.InRange(double.Parse(r[2], CultureInfo.InvariantCulture), 5, 80));
        foreach (var model in new[] { "nstr", "siren", "fourier", "hashgrid" })
            Assert.Equal(3 * 16 * 16, File.ReadAllLines(Path.Combine(folder, $"inr-camera-{model}.csv")).Length - 1);
        var centroid = File.ReadAllLines(Path.Combine(folder, "inr-camera-nstr-centroid.csv")).Skip(1)
            .Select(l => double.Parse(l.Split(',')[3], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(256, centroid.Length);
        Assert.All(centroid, c => Assert.InRange(c, 0.01, 60));
    }
}
