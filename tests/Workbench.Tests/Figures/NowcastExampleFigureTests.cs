using System.Globalization;
using Workbench.Data.Generators.Radar;
using Workbench.Figures.Recipes;
using Workbench.Tests.Training;

namespace Workbench.Tests.Figures;

/// <summary>The radar example regenerates its sequences and trains WADEPre; its panels must show the generator's frames.</summary>
[Collection(TrainingRunCollection.Name)]
public sealed class NowcastExampleFigureTests : IDisposable
{
    private static readonly string Experiment = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", "..", "experiments", "radar-wadepre.json"));
    private readonly string _work = Directory.CreateTempSubdirectory("wb-nowcast-example-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Truth_and_persistence_panels_are_the_generated_frames_and_every_panel_is_drawn()
    {
        Workbench.Core.Runtime.Threads.Configure(1);
        File.WriteAllText(Path.Combine(_work, "example.json"), $$"""
            { "name": "example", "builder": "nowcast-example", "seed": 3,
              "full": { "experiment": "{{Experiment}}", "resolution": 64, "samples": 8, "held": 4, "epochs": 1, "component_lead": 2 },
              "quick": { "experiment": "{{Experiment}}", "resolution": 64, "samples": 8, "held": 4, "epochs": 1, "component_lead": 2 } }
            """);

        new FigureCatalog(_work).Render(["example"], quick: true, Path.Combine(_work, "out"));

        var panels = File.ReadAllLines(Path.Combine(_work, "out", "example", "sequence.csv")).Skip(1).Select(l => l.Split(','))
            .GroupBy(f => f[0], f => double.Parse(f[3], CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.ToArray());
        Assert.Equal(6 + 4 * 6, panels.Count);
        var (inputs, targets) = RadarGenerator.Sample(new RadarOptions { Resolution = 64 }, 3, 6);
        var frame = 64 * 64;
        Assert.Equal(targets.Skip(frame).Take(frame).Select(v => (double)Math.Clamp(v, 0, 255)), panels["truth t+2"]);
        Assert.Equal(inputs.Skip(5 * frame).Take(frame).Select(v => (double)v), panels["input t0"]);
        Assert.Equal(panels["input t0"], panels["persistence t+6"]);
        var components = File.ReadAllLines(Path.Combine(_work, "out", "example", "wadepre-components.csv")).Skip(1).Select(l => l.Split(',')[0]).Distinct();
        Assert.Equal(["approximation only", "detail only", "approximation + detail", "refined forecast", "truth"], components);
    }
}
