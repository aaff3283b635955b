using Workbench.Training.Config;
using Workbench.Training.Optim;

namespace Workbench.Tests.Training;

public class LearningRateScheduleTests
{
    [Fact]
    public void StepScheduleHalvesEveryStepSizeEpochs()
    {
        var schedule = new LearningRateSchedule(new ScheduleConfig { Kind = ScheduleKind.Step, StepSize = 100, Gamma = 0.5 }, 1e-3, 10, 5000);
        Assert.Equal(1e-3, schedule.At(0));
        Assert.Equal(1e-3, schedule.At(999));
        Assert.Equal(5e-4, schedule.At(1000));
        Assert.Equal(2.5e-4, schedule.At(2000), 15);
    }

    [Fact]
    public void CosineGoesFromBaseToMinimum()
    {
        var schedule = new LearningRateSchedule(new ScheduleConfig { Kind = ScheduleKind.Cosine, MinLr = 1e-5 }, 1e-3, 10, 100);
        Assert.Equal(1e-3, schedule.At(0), 15);
        Assert.Equal((1e-3 + 1e-5) / 2, schedule.At(50), 15);
        Assert.Equal(1e-5, schedule.At(100), 15);
    }

    [Fact]
    public void OneCycleMatchesPyTorchAnchorPoints()
    {
        // PyTorch OneCycleLR (cos, three_phase=False): starts at max/div, peaks at step pct*T - 1,
        // ends at max/(div*final_div) at step T - 1.
        var config = new ScheduleConfig { Kind = ScheduleKind.OneCycle, PctStart = 0.3, DivFactor = 1e3, FinalDivFactor = 1e4 };
        var schedule = new LearningRateSchedule(config, 1e-2, 10, 100);
        Assert.Equal(1e-5, schedule.At(0), 15);
        Assert.Equal(1e-2, schedule.At(29), 12);
        Assert.Equal(1e-9, schedule.At(99), 15);
        Assert.True(schedule.At(10) > schedule.At(5) && schedule.At(60) < schedule.At(40));
    }
}
