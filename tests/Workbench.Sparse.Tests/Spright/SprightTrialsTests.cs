using Workbench.Sparse.Spright.Trials;

namespace Workbench.Sparse.Tests.Spright;

public class SprightTrialsTests
{
    [Fact]
    public void Report_summarises_the_trials()
    {
        var report = SprightTrials.Run(new SprightTrialOptions { InputBits = 16, Sparsity = 8, Trials = 10, Seed = 5 });
        Assert.Equal(10, report.Outcomes.Count);
        Assert.Equal(report.Outcomes.Count(o => o.Success), report.Successes);
        Assert.Equal(1.0, report.SuccessRate);
        Assert.Equal(report.Plan.SampleCount, report.MeanSamples);
        Assert.Equal(report.MeanSamples / 65536, report.SamplesFractionOfN, 12);
        Assert.NotNull(report.DenseFwhtMilliseconds);
        Assert.True(report.DenseFwhtMilliseconds > 0);
    }

    [Fact]
    public void Dense_timing_is_absent_above_2_26()
    {
        var report = SprightTrials.Run(new SprightTrialOptions { InputBits = 30, Sparsity = 4, Trials = 2 });
        Assert.Null(report.DenseFwhtMilliseconds);
        Assert.Null(report.SpeedupOverDense);
        Assert.Equal(2, report.Successes);
    }

    [Fact]
    public void Zero_trials_is_an_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => SprightTrials.Run(new SprightTrialOptions { InputBits = 10, Sparsity = 2, Trials = 0 }));
        Assert.Contains("Trials", ex.Message);
    }
}
