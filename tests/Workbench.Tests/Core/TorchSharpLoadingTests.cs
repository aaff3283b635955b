using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Tests.Core;

public class TorchSharpLoadingTests
{
    [Fact]
    public void FftWithAutogradMatchesAnalyticGradient()
    {
        // y = sum |rfft(x)|^2 = N * sum x^2 / 2 + corrections; use the full fft where Parseval is exact:
        // sum_k |X_k|^2 = N sum_n x_n^2, so d/dx = 2 N x.
        var x = tensor(new double[] { 0.5, -1.25, 2.0, 0.75, -0.5, 1.5, 0.25, -2.0 }, requires_grad: true);
        var spectrum = fft.fft_(x);
        var energy = (spectrum * spectrum.conj()).real.sum();
        energy.backward();

        var expectedEnergy = 8 * (x * x).sum().item<double>();
        Assert.Equal(expectedEnergy, energy.item<double>(), 10);
        var expectedGrad = (2 * 8 * x).detach();
        Assert.True(x.grad!.allclose(expectedGrad, rtol: 1e-12, atol: 1e-12));
    }

    [Fact]
    public void NativeStatusReportsLoadedLibrary()
    {
        var status = Workbench.Core.Runtime.NativeStatus.Probe();
        Assert.True(status.Loaded, status.LoadError);
        Assert.Equal("0.107.0", status.TorchSharpVersion);
    }
}
