namespace Workbench.Training.Codec;

/// <summary>
/// The learning rate of codec training: the base rate for the first <see cref="DropAt"/> of the budget, then a tenth of
/// it. Short budgets gain most from the late drop: the quantisation noise keeps Adam's last steps at the base rate
/// from settling. Progress is the fraction of the run's steps taken, so a run stopped and resumed keeps its schedule.
/// </summary>
public static class CodecLearningRate
{
    public const double DropAt = 0.8;
    public const double DropFactor = 0.1;

    public static double At(double baseRate, double progress) => progress < DropAt ? baseRate : baseRate * DropFactor;
}
