using System.CommandLine;
using Workbench.Cli.Hosting;
using Workbench.Core.Errors;
using Workbench.Figures.Recipes;

namespace Workbench.Cli.Commands;

/// <summary><c>workbench figures [NAME ...|--all] [--quick] [--out DIR]</c>: regenerate figures from their recipes.</summary>
public static class FiguresCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var names = new Argument<string[]>("names") { Description = "Recipe names (experiments/figures/NAME.json).", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Every recipe." };
        var quick = new Option<bool>("--quick") { Description = "Small settings for a few-minute run." };
        var output = new Option<string>("--out") { Description = "Output folder.", DefaultValueFactory = _ => Path.Combine("runs", "figures") };
        var recipes = new Option<string?>("--recipes") { Description = "Recipe folder (default experiments/figures of this checkout)." };
        var noImages = new Option<bool>("--no-images") { Description = "Skip PNG/SVG rendering (done with a local Chromium when installed)." };
        var command = new Command("figures", "Regenerate figures (HTML + CSV per figure, and index.html) from experiments/figures recipes.")
        {
            names, all, quick, output, recipes, noImages,
        };
        command.SetAction(parse =>
        {
            var ctx = context(parse);
            var chosen = parse.GetValue(names) ?? [];
            if (chosen.Length == 0 && !parse.GetValue(all)) throw new WorkbenchException("figures: name the recipes to build, or pass --all");
            if (chosen.Length > 0 && parse.GetValue(all)) throw new WorkbenchException("figures: give recipe names or --all, not both");
            var folder = parse.GetValue(recipes) ?? (RepositoryPaths.Root() is { } root ? Path.Combine(root, "experiments", "figures") : null)
                         ?? throw new WorkbenchException("figures: experiments/figures not found (run from the checkout or pass --recipes)");
            ctx.ConfigureRuntime();
            var catalog = new FigureCatalog(folder);
            var written = catalog.Render(chosen, parse.GetValue(quick), parse.GetValue(output)!, ctx.Progress.Message, !parse.GetValue(noImages));
            ctx.Output.WriteLine($"figures written; open {Path.GetFullPath(written[0])}");
            return 0;
        });
        return command;
    }
}
