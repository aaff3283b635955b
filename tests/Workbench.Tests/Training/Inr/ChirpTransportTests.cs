using TorchSharp;
using Workbench.Models.Inr;
using static TorchSharp.torch;

namespace Workbench.Tests.Training.Inr;

/// <summary>
/// Analytic case: the chirp y = sin(2 pi (f0 x + a x^2 / 2)) has local frequency f(x) = f0 + a x cycles per unit. An NSTR
/// with fixed frequencies on a comb and a linear g_phi fitted to it must (1) reconstruct it, (2) put its local
/// spectrum's energy where the analytic frequency is, and (3) drive its transport residual down.
/// </summary>
public sealed class ChirpTransportTests
{
    private const double F0 = 11, Slope = 6;

    [Fact]
    public void Local_spectrum_tracks_the_chirp_frequency_and_the_transport_residual_falls()
    {
        using var g = new Generator(51);
        var combCycles = Enumerable.Range(0, 16).Select(i => 2.0 + 1.25 * i).ToArray();
        var options = new NstrOptions(1, 1, Frequencies: 16, LearnFrequencies: false, Backend: SpectrumBackend.Grid, SpectrumResolution: 16,
            DecoderLayers: 0, TransportHidden: 32, TransportLayers: 1, TransportWeight: 1e-3, DifferenceStep: 1e-3, TransportPoints: 512);
        var model = new Nstr(options, g);
        using (no_grad()) model.Frequencies.copy_(tensor(combCycles.Select(c => 2 * Math.PI * c).ToArray(), ScalarType.Float32).reshape(16, 1));
        var x = linspace(-1, 1, 512).reshape(-1, 1);
        var y = sin(2 * Math.PI * (F0 * x + Slope / 2 * x.square()));
        using var optimizer = optim.Adam(model.parameters().Where(p => p.requires_grad), 1e-2);
        var residuals = new List<double>();
        double mse = 0;
        for (var step = 0; step < 600; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var fit = (model.forward(x) - y).square().mean();
            var residual = model.TransportResidual(x);
            (fit + options.TransportWeight * residual).backward();
            optimizer.step();
            residuals.Add(residual.item<float>());
            mse = fit.item<float>();
        }
        Assert.True(mse < 0.01, $"the chirp is not reconstructed: MSE {mse:E3}");

        using var _ = no_grad();
        var decoder = model.named_parameters().Single(p => p.name == "decoder.out.weight").parameter;
        var energy = (model.Spectrum(x) * decoder).square();
        var centroid = (energy * tensor(combCycles, ScalarType.Float32)).sum(1) / energy.sum(1);
        var analytic = (F0 + Slope * x).flatten();
        var inner = x.flatten().abs() < 0.9;
        var correlation = corrcoef(stack([centroid[inner], analytic[inner]])).cpu()[0, 1].item<float>();
        var error = (centroid[inner] - analytic[inner]).abs().mean().item<float>();
        Assert.True(correlation > 0.9, $"spectral centroid vs analytic frequency: correlation {correlation:F3}, mean error {error:F2} cycles");
        Assert.True(error < 2.5, $"spectral centroid is {error:F2} cycles per unit from the analytic frequency on average");
        var early = residuals.Skip(100).Take(50).Average();
        var late = residuals.TakeLast(50).Average();
        Assert.True(late < 0.5 * early, $"transport residual did not fall: {early:E3} around step 100, {late:E3} at the end");
    }
}
