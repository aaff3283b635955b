using Workbench.Training.Config;

namespace Workbench.Training.Optim;

/// <summary>
/// Learning rate as a pure function of the optimiser step, so a resumed run needs only the step count to continue
/// the schedule exactly.
/// </summary>
public sealed class LearningRateSchedule(ScheduleConfig config, double baseLr, long stepsPerEpoch, long totalSteps)
{
    public double At(long step)
    {
        var epoch = step / Math.Max(1, stepsPerEpoch);
        return config.Kind switch
        {
            ScheduleKind.Constant => baseLr,
            ScheduleKind.Step => baseLr * Math.Pow(config.Gamma, epoch / config.StepSize),
            ScheduleKind.Cosine => config.MinLr + (baseLr - config.MinLr) * 0.5 * (1 + Math.Cos(Math.PI * step / Math.Max(1, totalSteps))),
            ScheduleKind.OneCycle => OneCycle(step),
            _ => throw new ArgumentOutOfRangeException(nameof(config), config.Kind, null),
        };
    }

    private double OneCycle(long step)
    {
        var initial = baseLr / config.DivFactor;
        var final = initial / config.FinalDivFactor;
        var warmupEnd = config.PctStart * totalSteps - 1;
        var last = totalSteps - 1.0;
        if (step <= warmupEnd) return Anneal(initial, baseLr, step / Math.Max(warmupEnd, 1e-12));
        return Anneal(baseLr, final, (step - warmupEnd) / Math.Max(last - warmupEnd, 1e-12));
    }

    private static double Anneal(double start, double end, double fraction) =>
        end + (start - end) / 2.0 * (Math.Cos(Math.PI * Math.Clamp(fraction, 0, 1)) + 1);
}
