namespace Workbench.Training.Config;

public enum ScheduleKind { Constant, Step, Cosine, OneCycle }

/// <summary>
/// Learning-rate schedule, stepped per optimiser step. <c>step</c>: lr * gamma^(floor(epoch / step_size)),
/// <c>cosine</c>: annealed to <c>min_lr</c> over the run, <c>one_cycle</c>: PyTorch's cosine one-cycle with
/// <c>pct_start</c>, <c>div_factor</c> and <c>final_div_factor</c> (peak = optimiser lr).
/// </summary>
public sealed record ScheduleConfig
{
    public ScheduleKind Kind { get; init; } = ScheduleKind.Constant;
    public int StepSize { get; init; } = 100;
    public double Gamma { get; init; } = 0.5;
    public double MinLr { get; init; }
    public double PctStart { get; init; } = 0.3;
    public double DivFactor { get; init; } = 25;
    public double FinalDivFactor { get; init; } = 1e4;

    public IEnumerable<string> Problems()
    {
        if (StepSize < 1) yield return $"step_size: expected a positive integer, got {StepSize}";
        if (!(Gamma > 0)) yield return $"gamma: expected a positive number, got {Gamma}";
        if (MinLr < 0) yield return $"min_lr: expected >= 0, got {MinLr}";
        if (!(PctStart > 0 && PctStart < 1)) yield return $"pct_start: expected a value in (0, 1), got {PctStart}";
        if (!(DivFactor >= 1)) yield return $"div_factor: expected >= 1, got {DivFactor}";
        if (!(FinalDivFactor >= 1)) yield return $"final_div_factor: expected >= 1, got {FinalDivFactor}";
    }
}
