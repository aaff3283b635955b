using Workbench.Training.Codec;

namespace Workbench.Tests.Training.Codec;

public sealed class CodecLearningRateTests
{
    [Theory]
    [InlineData(0.0, 5e-4)]
    [InlineData(0.79, 5e-4)]
    [InlineData(0.8, 5e-5)]
    [InlineData(1.0, 5e-5)]
    public void The_rate_drops_tenfold_for_the_last_fifth_of_the_budget(double progress, double expected) =>
        Assert.Equal(expected, CodecLearningRate.At(5e-4, progress), 12);
}
