using System.Globalization;
using Workbench.Core.Errors;
using Workbench.Figures.Recipes;

namespace Workbench.Tests.Figures;

public sealed class FigureRecipeTests : IDisposable
{
    private static readonly string RecipeFolder = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", "..", "experiments", "figures"));
    private readonly string _out = Directory.CreateTempSubdirectory("wb-recipes-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public void SameRecipeTwiceGivesIdenticalCsv()
    {
        var catalog = new FigureCatalog(RecipeFolder);
        catalog.Render(["spright-success"], quick: true, Path.Combine(_out, "a"));
        catalog.Render(["spright-success"], quick: true, Path.Combine(_out, "b"));
        var a = File.ReadAllText(Path.Combine(_out, "a", "spright-success", "spright-success.csv"));
        var b = File.ReadAllText(Path.Combine(_out, "b", "spright-success", "spright-success.csv"));
        Assert.Equal(a, b);
        var rates = a.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToArray();
        Assert.All(rates, r => Assert.InRange(r, 0, 1));
        Assert.Contains("spright-success/spright-success.html", File.ReadAllText(Path.Combine(_out, "a", "index.html")));
    }

    [Fact]
    public void IsingSpectrumIsRecoveredExactlyFromSamples()
    {
        new FigureCatalog(RecipeFolder).Render(["spright-ising"], quick: true, _out);
        var rows = File.ReadAllLines(Path.Combine(_out, "spright-ising", "spright-ising.csv")).Skip(1)
            .Select(l => l.Split(',')).ToArray();
        var truth = rows.Where(r => r[0] == "true").ToDictionary(r => r[1], r => double.Parse(r[2], CultureInfo.InvariantCulture));
        var recovered = rows.Where(r => r[0] == "SPRIGHT").ToDictionary(r => r[1], r => double.Parse(r[2], CultureInfo.InvariantCulture));
        Assert.Equal(39 + 40, truth.Count);
        foreach (var (index, value) in truth) Assert.Equal(value, recovered[index], 9);
    }

    [Fact]
    public void IsingEnergyMatchesDirectSum()
    {
        var couplings = IsingChain.Couplings(6, 0.5, seed: 2);
        const ulong spins = 0b101100;
        double Spin(int i) => (spins >> i & 1) == 0 ? 1 : -1;
        var direct = 0.0;
        for (var i = 0; i < 5; i++) direct += couplings[(1UL << i) | (1UL << (i + 1))] * Spin(i) * Spin(i + 1);
        for (var i = 0; i < 6; i++) direct += couplings[1UL << i] * Spin(i);
        Assert.Equal(direct, IsingChain.Energy(couplings, spins), 12);
    }

    [Fact]
    public void UnknownRecipeIsAUserError()
    {
        var error = Assert.Throws<WorkbenchException>(() => new FigureCatalog(RecipeFolder).Render(["no-such-figure"], true, _out));
        Assert.Contains("no-such-figure", error.Message);
    }
}
