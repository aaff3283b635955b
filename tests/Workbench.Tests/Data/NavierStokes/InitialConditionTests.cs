using Workbench.Data.Generators.NavierStokes;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Tests.Data.NavierStokes;

public sealed class InitialConditionTests
{
    /// <summary>
    /// E|fft2(w0)_k / s^2|^2 = sigma^2 (4 pi^2 |k|^2 + 49)^{-2.5}: the shell-averaged power of a few samples follows the
    /// power law in (4 pi^2 |k|^2 + 49) with slope -2.5 and the absolute level sigma^2 = 7^3.
    /// </summary>
    [Fact]
    public void Grf_spectrum_follows_the_covariance_operator()
    {
        using var scope = NewDisposeScope();
        const int size = 128, shells = 40;
        var fields = GaussianRandomField.Sample(3, Enumerable.Range(0, 8).Select(i => (long)i).ToArray(), size, CPU);
        var power = fft.fft2(fields).abs().square().mean([0]) / Math.Pow(size, 4);
        var frequencies = fft.fftfreq(size, 1.0 / size, dtype: float64);
        var magnitudeSquared = frequencies.square().reshape(size, 1) + frequencies.square().reshape(1, size);
        var shell = magnitudeSquared.sqrt().round().to(int64);
        var symbol = magnitudeSquared * (4 * Math.PI * Math.PI) + 49.0;
        var expected = symbol.pow(-2.5) * Math.Pow(7, 3);

        var logSymbol = new double[shells];
        var logPower = new double[shells];
        double observedTotal = 0, expectedTotal = 0;
        for (var n = 1; n <= shells; n++)
        {
            var mask = shell.eq(n);
            logSymbol[n - 1] = Math.Log(symbol.masked_select(mask).mean().item<double>());
            logPower[n - 1] = Math.Log(power.masked_select(mask).mean().item<double>());
            observedTotal += power.masked_select(mask).sum().item<double>();
            expectedTotal += expected.masked_select(mask).sum().item<double>();
        }
        var slope = LeastSquaresSlope(logSymbol, logPower);
        Assert.True(Math.Abs(slope / -2.5 - 1) < 0.05, $"slope {slope}");
        Assert.True(Math.Abs(observedTotal / expectedTotal - 1) < 0.05, $"power ratio {observedTotal / expectedTotal}");
        Assert.True(power[0, 0].item<double>() < 1e-24, "the mean mode must be zero");
    }

    [Fact]
    public void Mcwilliams_initial_field_has_unit_energy_zero_mean_and_peaks_near_k0()
    {
        using var scope = NewDisposeScope();
        var options = new McWilliamsOptions { SolverResolution = 64 };
        using var grid = new PeriodicGrid(64, 2 * Math.PI, CPU);
        var fields = grid.ToPhysical(McWilliamsInitialCondition.SampleSpectrum(options, 5, [0, 1, 2, 3], CPU));
        var energy = FlowStatistics.KineticEnergy(fields, 2 * Math.PI);
        Assert.True(FlowFields.MaxAbs(energy - 1.0) < 1e-12, $"energies {string.Join(", ", energy.data<double>().ToArray())}");
        Assert.True(FlowFields.MaxAbs(FlowStatistics.Mean(fields)) < 1e-14);
        // Energy per mode is (1/2) |k|^2 |psi_hat|^2 ~ |k| (1 + (|k|/4)^4)^-1; compare shell groups below and above k0.
        var spectrum = FlowStatistics.RadialEnergySpectrum(fields, 2 * Math.PI).mean([0]);
        var frequencies = fft.fftfreq(64, 1.0 / 64, dtype: float64);
        var magnitude = (frequencies.square().reshape(64, 1) + frequencies.square().reshape(1, 64)).sqrt();
        var perMode = magnitude / ((magnitude / 4).pow(4) + 1);
        var shell = magnitude.round();
        double Expected(int from, int to) => perMode.masked_select(shell.ge(from).logical_and(shell.le(to))).sum().item<double>();
        double Observed(int from, int to) => spectrum.narrow(0, from, to - from + 1).sum().item<double>();
        var observedRatio = Observed(2, 5) / Observed(12, 20);
        var expectedRatio = Expected(2, 5) / Expected(12, 20);
        Assert.InRange(observedRatio / expectedRatio, 0.7, 1.4);
    }

    private static double LeastSquaresSlope(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var covariance = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var variance = x.Sum(a => (a - mx) * (a - mx));
        return covariance / variance;
    }
}
