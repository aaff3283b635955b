using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral;

/// <summary>Compares autograd gradients of a scalar function with central finite differences in float64.</summary>
internal static class GradientCheck
{
    public static void AssertMatchesFiniteDifferences(Func<Tensor, Tensor> scalar, Tensor x, double step = 1e-6, double tolerance = 1e-6)
    {
        Assert.Equal(ScalarType.Float64, x.dtype);
        var input = x.detach().clone().requires_grad_(true);
        scalar(input).backward();
        var analytic = input.grad!.detach().clone().flatten();
        var point = x.detach().clone().flatten();
        var numeric = new double[point.shape[0]];
        using (no_grad())
        {
            for (var i = 0; i < numeric.Length; i++)
            {
                var original = point[i].item<double>();
                point[i] = original + step;
                var up = scalar(point.reshape(x.shape)).item<double>();
                point[i] = original - step;
                var down = scalar(point.reshape(x.shape)).item<double>();
                point[i] = original;
                numeric[i] = (up - down) / (2 * step);
            }
        }
        var expected = tensor(numeric, ScalarType.Float64);
        var error = (expected - analytic).abs().max().item<double>();
        var scale = Math.Max(1.0, expected.abs().max().item<double>());
        Assert.True(error <= tolerance * scale, $"autograd and finite differences differ by {error:E3} (scale {scale:G4})");
    }

    /// <summary>A fixed random float64 tensor from its own generator (TorchSharp's global seed is process-wide).</summary>
    public static Tensor Random(long seed, params long[] shape)
    {
        using var generator = new Generator((ulong)seed);
        return randn(shape, ScalarType.Float64, generator: generator);
    }
}
