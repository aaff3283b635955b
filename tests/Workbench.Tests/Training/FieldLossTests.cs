using TorchSharp;
using Workbench.Training.Losses;

namespace Workbench.Tests.Training;

public class FieldLossTests
{
    [Fact]
    public void PerSampleValuesMatchHandComputation()
    {
        var target = torch.tensor(new double[] { 3, 4, 0, 0, 1, 1, 1, 1 }, [2, 1, 4]);
        var prediction = torch.tensor(new double[] { 3, 4, 0, 1, 1, 1, 1, 3 }, [2, 1, 4]);
        var mse = FieldLosses.MsePerSample(prediction, target).data<double>().ToArray();
        Assert.Equal([0.25, 1.0], mse);
        var relative = FieldLosses.RelativeL2PerSample(prediction, target).data<double>().ToArray();
        Assert.Equal(1.0 / 5.0, relative[0], 14);
        Assert.Equal(2.0 / 2.0, relative[1], 14);
        var psnr = FieldLosses.PsnrPerSample(prediction, target).data<double>().ToArray();
        Assert.Equal(10 * Math.Log10(16 / 0.25), psnr[0], 12);
    }

    [Fact]
    public void QuantileLossWeighsUnderAndOverForecastsByQAndOneMinusQ()
    {
        var target = torch.tensor(new double[] { 10, 10, 0, 4 }, [2, 2]);
        var prediction = torch.tensor(new double[] { 6, 12, 0, 0 }, [2, 2]);
        var loss = FieldLosses.QuantilePerSample(prediction, target, 0.75).data<double>().ToArray();
        Assert.Equal((0.75 * 4 + 0.25 * 2) / 2, loss[0], 14);
        Assert.Equal(0.75 * 4 / 2, loss[1], 14);
    }

    [Fact]
    public void QuantileLossIsSmallestAtTheTargetsQuantile()
    {
        // Targets 0..99: the constant forecast minimising the q = 0.7 loss lies between the 70th and 71st values.
        var target = torch.arange(100, dtype: torch.float64).reshape(1, 100);
        var candidates = Enumerable.Range(0, 100).Select(c => (double)c).ToArray();
        var losses = candidates.Select(c => FieldLosses.QuantilePerSample(torch.full(1, 100, c, torch.float64), target, 0.7).item<double>()).ToArray();
        var best = candidates[Array.IndexOf(losses, losses.Min())];
        Assert.InRange(best, 69, 70);
    }

    [Fact]
    public void RelativeSobolevErrorOfSingleModesIsTheWeightRatio()
    {
        const int n = 32;
        var x = torch.arange(n, dtype: torch.float64) / n;
        var target = torch.cos(2 * Math.PI * x).unsqueeze(1).expand(n, n);
        var error = 0.1 * torch.cos(2 * Math.PI * 3 * x).unsqueeze(0).expand(n, n);
        var prediction = (target + error).reshape(1, 1, n, n);
        var space = new Workbench.Spectral.Sobolev.SobolevSpace(-1);
        var relative = FieldLosses.RelativeSobolevPerSample(prediction, target.reshape(1, 1, n, n), space).item<double>();
        var alpha = Math.Pow(10, -1.5);
        var expected = 0.1 * Math.Sqrt((alpha + 4 * Math.PI * Math.PI) / (alpha + 36 * Math.PI * Math.PI));
        Assert.Equal(expected, relative, 10);
    }
}
