namespace Workbench.Training.Config;

public enum OptimizerKind { Adam, AdamW, Sgd }

public sealed record OptimizerConfig
{
    public OptimizerKind Kind { get; init; } = OptimizerKind.Adam;
    public double Lr { get; init; } = 1e-3;
    public double WeightDecay { get; init; }
    public double Momentum { get; init; }
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double Eps { get; init; } = 1e-8;

    public IEnumerable<string> Problems()
    {
        if (!(Lr > 0)) yield return $"lr: expected a positive number, got {Lr}";
        if (WeightDecay < 0) yield return $"weight_decay: expected >= 0, got {WeightDecay}";
        if (Momentum < 0 || Momentum >= 1) yield return $"momentum: expected a value in [0, 1), got {Momentum}";
        if (Beta1 < 0 || Beta1 >= 1) yield return $"beta1: expected a value in [0, 1), got {Beta1}";
        if (Beta2 < 0 || Beta2 >= 1) yield return $"beta2: expected a value in [0, 1), got {Beta2}";
        if (!(Eps > 0)) yield return $"eps: expected a positive number, got {Eps}";
    }
}
