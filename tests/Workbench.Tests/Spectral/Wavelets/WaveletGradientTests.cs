using Workbench.Core.Runtime;
using Workbench.Spectral.Wavelets;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral.Wavelets;

/// <summary>Autograd through the transforms against central finite differences in float64.</summary>
public class WaveletGradientTests
{
    [Theory]
    [InlineData(WaveletName.Bior24, ExtensionMode.Reflect)]
    [InlineData(WaveletName.Db2, ExtensionMode.Symmetric)]
    [InlineData(WaveletName.Sym3, ExtensionMode.Periodization)]
    [InlineData(WaveletName.Db4, ExtensionMode.Zero)]
    public void ForwardGradientMatchesFiniteDifferences(WaveletName name, ExtensionMode mode)
    {
        var wavelet = Wavelet.Get(name);
        var generator = Determinism.Generator(11, $"grad{name}{mode}");
        var x = randn([2, 9, 10], dtype: ScalarType.Float64, generator: generator);
        var probe = Dwt2D.Forward(x, wavelet, mode);
        var weights = Bands(probe).Select(b => randn(b.shape, dtype: ScalarType.Float64, generator: generator)).ToList();

        // A nonlinear scalar so the gradient depends on x: sum_b sum(w_b * band_b^2).
        double Loss(Tensor input)
        {
            using var _ = no_grad();
            var c = Dwt2D.Forward(input, wavelet, mode);
            return Bands(c).Zip(weights, (b, w) => (w * b * b).sum()).Aggregate((s, t) => s + t).item<double>();
        }

        var leaf = x.clone().requires_grad_(true);
        var coefficients = Dwt2D.Forward(leaf, wavelet, mode);
        Bands(coefficients).Zip(weights, (b, w) => (w * b * b).sum()).Aggregate((s, t) => s + t).backward();
        AssertMatchesFiniteDifferences(x, leaf.grad!, Loss);
    }

    [Theory]
    [InlineData(WaveletName.Bior24, ExtensionMode.Symmetric)]
    [InlineData(WaveletName.Db3, ExtensionMode.Periodization)]
    public void ReconstructGradientMatchesFiniteDifferences(WaveletName name, ExtensionMode mode)
    {
        var wavelet = Wavelet.Get(name);
        var generator = Determinism.Generator(13, $"rgrad{name}{mode}");
        var x = randn([2, 37], dtype: ScalarType.Float64, generator: generator);
        var coefficients = Dwt1D.Decompose(x, wavelet, 2, mode);
        var weights = randn(x.shape, dtype: ScalarType.Float64, generator: generator);

        double Loss(Tensor approximation)
        {
            using var _ = no_grad();
            var y = Dwt1D.Reconstruct(coefficients with { Approximation = approximation });
            return (weights * y * y).sum().item<double>();
        }

        var leaf = coefficients.Approximation.clone().requires_grad_(true);
        var reconstruction = Dwt1D.Reconstruct(coefficients with { Approximation = leaf });
        (weights * reconstruction * reconstruction).sum().backward();
        AssertMatchesFiniteDifferences(coefficients.Approximation, leaf.grad!, Loss);
    }

    private static IEnumerable<Tensor> Bands((Tensor Approximation, DetailBands2D Details) c) =>
        [c.Approximation, c.Details.Horizontal, c.Details.Vertical, c.Details.Diagonal];

    private static void AssertMatchesFiniteDifferences(Tensor at, Tensor gradient, Func<Tensor, double> loss)
    {
        const double step = 1e-6;
        var flat = at.flatten();
        var analytic = gradient.flatten().data<double>().ToArray();
        for (var i = 0; i < flat.shape[0]; i++)
        {
            var plus = flat.clone();
            plus[i] += step;
            var minus = flat.clone();
            minus[i] -= step;
            var numeric = (loss(plus.reshape(at.shape)) - loss(minus.reshape(at.shape))) / (2 * step);
            Assert.True(Math.Abs(numeric - analytic[i]) <= 1e-6 * Math.Max(1, Math.Abs(numeric)),
                $"d/dx[{i}]: autograd {analytic[i]}, finite differences {numeric}");
        }
    }
}
