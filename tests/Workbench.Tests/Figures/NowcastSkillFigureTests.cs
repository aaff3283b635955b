using System.Globalization;
using Workbench.Core.Errors;
using Workbench.Figures.Recipes;

namespace Workbench.Tests.Figures;

public sealed class NowcastSkillFigureTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("wb-nowcast-skill-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private void Write(string name, string text)
    {
        var path = Path.Combine(_work, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private void Recipe(string results) =>
        Write("skill.json", $$"""
            { "name": "skill", "builder": "nowcast-skill", "seed": 0,
              "full": { "results": "{{results}}", "scores": ["csi_m"] }, "quick": { "results": "{{results}}", "scores": ["csi_m"] } }
            """);

    [Fact]
    public void Plain_scores_and_seed_means_are_drawn_per_method_in_lead_order()
    {
        Write("measured/verify.json", """
            { "methods": {
                "persistence": { "all": { "csi_m": 0.5 }, "lead_2": { "csi_m": 0.25 }, "lead_1": { "csi_m": 0.75 } },
                "wadepre": { "all": { "csi_m": { "mean": 0.6 } }, "lead_1": { "csi_m": { "mean": 0.8, "std": 0.1 } }, "lead_2": { "csi_m": { "mean": null } } } } }
            """);
        Recipe("measured/verify.json");

        new FigureCatalog(_work).Render(["skill"], quick: true, Path.Combine(_work, "out"));

        var rows = File.ReadAllLines(Path.Combine(_work, "out", "skill", "csi_m-vs-lead.csv")).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(["persistence 1 0.75", "persistence 2 0.25", "wadepre 1 0.8", "wadepre 2 NaN"],
            rows.Select(r => $"{r[0]} {double.Parse(r[1], CultureInfo.InvariantCulture)} {double.Parse(r[2], CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)}"));
    }

    [Fact]
    public void A_missing_results_file_is_a_user_error_naming_it()
    {
        Recipe("nowhere.json");
        var e = Assert.Throws<WorkbenchException>(() => new FigureCatalog(_work).Render(["skill"], quick: true, Path.Combine(_work, "out")));
        Assert.Contains("nowhere.json", e.Message);
    }
}
