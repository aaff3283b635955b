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
}
