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
