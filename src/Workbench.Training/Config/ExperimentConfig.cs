using Workbench.Models.Specs;

namespace Workbench.Training.Config;

/// <summary>
/// One experiment, read from JSON with snake_case names. Unknown fields and bad values are errors naming the field.
/// </summary>
public sealed record ExperimentConfig
{
    public required string Name { get; init; }
    public long Seed { get; init; }
    public string Device { get; init; } = "auto";
    public required ModelSpec Model { get; init; }
    public required DataConfig Data { get; init; }
    public OptimizerConfig Optimizer { get; init; } = new();
    public ScheduleConfig Schedule { get; init; } = new();
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 16;
    public LossKind Loss { get; init; } = LossKind.RelativeL2;
    /// <summary>The level q of the quantile loss (loss = quantile).</summary>
    public double Quantile { get; init; } = 0.5;
    public MetricKind[] Metrics { get; init; } = [MetricKind.Mse, MetricKind.RelativeL2];
    public double? GradClip { get; init; }
    public AugmentKind Augment { get; init; } = AugmentKind.None;
    public int CheckpointEvery { get; init; } = 1;

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || Name.Contains('/'))
            yield return $"name: expected a non-empty name usable as a folder name, got '{Name}'";
        if (Epochs < 1) yield return $"epochs: expected a positive integer, got {Epochs}";
        if (BatchSize < 1) yield return $"batch_size: expected a positive integer, got {BatchSize}";
        if (CheckpointEvery < 1) yield return $"checkpoint_every: expected a positive integer, got {CheckpointEvery}";
        if (GradClip is { } clip && !(clip > 0)) yield return $"grad_clip: expected a positive number, got {clip}";
        if (!(Quantile > 0 && Quantile < 1)) yield return $"quantile: expected a number strictly between 0 and 1, got {Quantile}";
        if (Metrics.Length == 0) yield return "metrics: expected at least one metric";
        foreach (var p in Model.Problems()) yield return $"model.{p}";
        foreach (var p in Data.Problems()) yield return $"data.{p}";
        foreach (var p in Optimizer.Problems()) yield return $"optimizer.{p}";
        foreach (var p in Schedule.Problems()) yield return $"schedule.{p}";
    }
}

/// <summary>Training loss; the Sobolev ones (s = -1 and s = 1, alpha = 10^-1.5, unit torus) need periodic 2-D fields;
/// quantile is the pinball loss at level <see cref="ExperimentConfig.Quantile"/>.</summary>
public enum LossKind { Mse, RelativeL2, RelativeHMinus1, RelativeH1, Quantile }

/// <summary>Training-batch augmentation: dihedral draws one of the eight symmetries of the square per batch.</summary>
public enum AugmentKind { None, Dihedral }

public enum MetricKind { Mse, RelativeL2, Psnr, RelativeHMinus1, RelativeH1 }
