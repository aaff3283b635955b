using Workbench.Core.Errors;
using Workbench.Core.IO;
using Workbench.Figures.Output;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>The recipes of a folder (experiments/figures) and the builders that make them.</summary>
public sealed class FigureCatalog
{
    private static readonly IReadOnlyList<IFigureBuilder> Builders =
        [
            new SprightSuccessFigure(), new SprightRuntimeFigure(), new SprightIsingFigure(), new TrainingRunFigure(),
            new OperatorComparisonFigure(), new RefinementFigure(), new InrFitFigure(), new InrBudgetFigure(), new NowcastSkillFigure(), new NowcastExampleFigure(), new BenchSpeedupFigure(),
            new CodecRdFigure(),
        ];

    private readonly Dictionary<string, FigureRecipe> _recipes;

    public FigureCatalog(string folder)
    {
        if (!Directory.Exists(folder)) throw new WorkbenchException($"{folder}: figure recipe folder not found");
        _recipes = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(FigureRecipe.Load).ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var recipe in _recipes.Values)
            if (Builders.All(b => b.Name != recipe.Builder))
                throw new ConfigException($"{recipe.Name}: unknown builder '{recipe.Builder}' (known: {string.Join(", ", Builders.Select(b => b.Name))})");
    }

    public IReadOnlyCollection<string> Names => _recipes.Keys;

    /// <summary>
    /// Builds the named recipes (all when empty) into folder/NAME/ (PNG/SVG too when <paramref name="images"/>), then writes
    /// folder/index.html; every page loads the one folder/plotly.min.js.
    /// </summary>
    public IReadOnlyList<string> Render(IReadOnlyList<string> names, bool quick, string folder, Action<string>? log = null, bool images = false)
    {
        var chosen = names.Count == 0 ? _recipes.Keys.ToList() : names.ToList();
        foreach (var name in chosen)
            if (!_recipes.ContainsKey(name))
                throw new WorkbenchException($"figures: no recipe named '{name}' (known: {string.Join(", ", _recipes.Keys)})");
        var written = new List<(string Recipe, Figure Figure)>();
        foreach (var name in chosen)
        {
            var recipe = _recipes[name];
            log?.Invoke($"figure {name} ({(quick ? "quick" : "full")}, seed {recipe.Seed})");
            foreach (var figure in Builders.Single(b => b.Name == recipe.Builder).Build(recipe, quick))
            {
                figure.Save(Path.Combine(folder, name), images, "../" + PlotlyScript.FileName);
                written.Add((name, figure));
            }
        }
        var index = Path.Combine(folder, "index.html");
        AtomicFile.WriteAllText(index, FigureIndex.Html(written.Select(w => new FigureIndex.Entry(w.Recipe, w.Figure, _recipes[w.Recipe].Description)).ToList(), quick));
        return [index];
    }
}
