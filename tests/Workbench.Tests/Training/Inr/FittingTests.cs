using TorchSharp;
using Workbench.Models.Inr;
using Workbench.Training.Inr;
using static TorchSharp.torch;

namespace Workbench.Tests.Training.Inr;

public sealed class FittingTests
{
    public static TheoryData<InrKind, long> Budgets()
    {
        var data = new TheoryData<InrKind, long>();
        foreach (var kind in Enum.GetValues<InrKind>())
        foreach (var budget in new long[] { 50_000, 200_000, 800_000 }) data.Add(kind, budget);
        return data;
    }

    /// <summary>Each model lands within 3 % under the budget (the image case: 2-D, grey, 256 pixels per axis), and the built model has that many parameters.</summary>
    [Theory]
    [MemberData(nameof(Budgets))]
    public void Models_are_sized_to_the_parameter_budget(InrKind kind, long budget)
    {
        var options = ParameterBudget.Options(kind, new InrSignalShape(2, 1, 256, FrequencySigma: 5), budget);
        var count = options switch
        {
            SirenOptions o => ParameterCount.Of(o),
            FourierFeatureOptions o => ParameterCount.Of(o),
            HashGridOptions o => ParameterCount.Of(o),
            NstrOptions o => ParameterCount.Of(o),
            _ => throw new InvalidOperationException(),
        };
        Assert.InRange(count, 0.97 * budget, budget);
        if (budget == 50_000)
        {
            using var model = InrFactory.Build(options);
            Assert.Equal(count, InrFitter.TrainableParameters(model));
        }
    }

    /// <summary>Every model fits a smooth 16 x 16 image 5 dB above the PSNR of predicting its mean (40 steps), and a fixed seed reproduces the run.</summary>
    [Theory]
    [InlineData(InrKind.Siren)]
    [InlineData(InrKind.Fourier)]
    [InlineData(InrKind.HashGrid)]
    [InlineData(InrKind.Nstr)]
    public void Fitting_beats_the_mean_and_is_reproducible(InrKind kind)
    {
        var grid = ImageSignals.Grid(16).reshape(-1, 2);
        var values = (sin(3 * grid[.., 0]) * cos(2 * grid[.., 1])).reshape(-1, 1) * 0.8;
        var signal = new InrSignal("smooth", grid, values, grid, values, InrMetric.Psnr, 16);
        var baseline = SignalMetrics.Psnr(values.mean().expand_as(values), values);
        var first = InrComparison.FitOne(signal, kind, 40_000, new InrFitSettings(40, 20), seed: 4);
        var second = InrComparison.FitOne(signal, kind, 40_000, new InrFitSettings(40, 20), seed: 4);
        Assert.True(first.Score > baseline + 5, $"{kind}: PSNR {first.Score:F2} dB vs {baseline:F2} dB for the mean");
        Assert.Equal(first.Score, second.Score);
        Assert.Equal(3, first.Curve.Count);
        Assert.True(first.Parameters <= 40_000);
    }
}
