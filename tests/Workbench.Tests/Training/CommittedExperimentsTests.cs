using System.Text.Json;
using Workbench.Training.Codec;
using Workbench.Training.Config;
using Workbench.Training.Refine;

namespace Workbench.Tests.Training;

/// <summary>
/// Every experiment (operator, nowcasting, codec) and refinement config committed under experiments/ loads; those the run scripts use (outside
/// experiments/figures, whose quick variants carry a suffix) are named after their file; their models round-trip through
/// the JSON, and the configs copied from run folders into experiments/results load as well.
/// </summary>
public sealed class CommittedExperimentsTests
{
    private static readonly string ExperimentsFolder = Path.Combine(FixturePaths.Root, "..", "..", "experiments");

    [Fact]
    public void EveryCommittedTrainingAndRefinementConfigLoads()
    {
        var (training, refinement, codec) = (0, 0, 0);
        // experiments/results holds what runs wrote (their summaries and copied configs), not configs to run.
        foreach (var path in Directory.EnumerateFiles(ExperimentsFolder, "*.json", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(ExperimentsFolder, path);
            if (relative.StartsWith("results", StringComparison.Ordinal))
            {
                if (Path.GetFileName(path) == "config.json" && File.ReadAllText(path).Contains("\"epochs\"")) Assert.NotNull(ExperimentConfigLoader.Load(path).Model);
                continue;
            }
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) continue;
            var stem = Path.GetFileNameWithoutExtension(path);
            var named = !relative.StartsWith("figures", StringComparison.Ordinal);
            if (root.TryGetProperty("task", out var task) && task.GetString() == ExperimentTask.Codec)
            {
                var name = CodecExperimentConfig.Load(path).Name;
                if (named) Assert.Equal(stem, name);
                codec++;
            }
            else if (root.TryGetProperty("epochs", out _))
            {
                var config = ExperimentConfigLoader.Load(path);
                if (named) Assert.Equal(stem, config.Name);
                var again = ExperimentConfigLoader.Parse(ExperimentConfigLoader.Serialize(config), path);
                Assert.Equal(config.Model, again.Model);
                training++;
            }
            else if (root.TryGetProperty("iterations", out _) && root.TryGetProperty("checkpoint", out _))
            {
                var name = RefineConfig.Load(path).Name;
                if (named) Assert.Equal(stem, name);
                refinement++;
            }
        }
        Assert.True(training >= 30, $"found only {training} training configs under {ExperimentsFolder}");
        Assert.True(refinement >= 10, $"found only {refinement} refinement configs under {ExperimentsFolder}");
        Assert.True(codec >= 1, $"found no codec training config under {ExperimentsFolder}");
    }
}
