using Workbench.Training.Config;
using Workbench.Training.Sweeps;

namespace Workbench.Tests.Training.Sweeps;

/// <summary>Every experiments/*.sweep.json loads, names configs that load, and expands into one array task per run.</summary>
public sealed class CommittedSweepsTests
{
    private static readonly string Repository = Path.GetFullPath(Path.Combine(FixturePaths.Root, "..", ".."));

    [Fact]
    public void EveryCommittedSweepExpands()
    {
        var files = Directory.GetFiles(Path.Combine(Repository, "experiments"), "*.sweep.json");
        Assert.True(files.Length >= 5, $"found only {files.Length} sweeps");
        foreach (var file in files)
        {
            var sweep = SweepFileLoader.Load(file);
            Assert.Equal(Path.GetFileName(file), sweep.Name + ".sweep.json");
            var train = sweep.Train!;
            foreach (var experiment in train.Experiments)
                Assert.Equal(Path.GetFileNameWithoutExtension(experiment), ExperimentConfigLoader.Load(Path.Combine(Repository, experiment)).Name);
            var runs = train.Experiments.Length * Math.Max(1, train.Overrides.Count) * train.Seeds.Length;
            var script = SlurmScript.Render(SweepPlan.Create(sweep, Path.Combine("runs", sweep.Name)), ["workbench"], Repository);
            Assert.Contains($"#SBATCH --array=0-{runs - 1}", script.Split('\n'));
        }
    }
}
