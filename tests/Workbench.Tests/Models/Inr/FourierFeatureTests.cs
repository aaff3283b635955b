using TorchSharp;
using Workbench.Models.Inr;
using Workbench.Tests.Shared;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Inr;

public sealed class FourierFeatureTests
{
    [Fact]
    public void Encoding_is_cos_and_sin_of_two_pi_b_v_with_b_scaled_by_sigma()
    {
        using var g = InrChecks.Seeded(11);
        var model = new FourierFeatureMlp(new FourierFeatureOptions(2, 1, Features: 2048, Sigma: 7, Hidden: 4, HiddenLayers: 1), g);
        model.to(ScalarType.Float64);
        var b = InrChecks.Matrix(model.named_buffers().Single().buffer);
        var x = GradientCheck.Random(12, 3, 2);
        var encoded = model.Encode(x);
        Assert.Equal(new long[] { 3, 4096 }, encoded.shape);
        for (var row = 0; row < 3; row++)
        {
            var v = InrChecks.Row(x, row);
            var expected = new double[4096];
            for (var j = 0; j < 2048; j++)
            {
                var phase = 2 * Math.PI * (b[j, 0] * v[0] + b[j, 1] * v[1]);
                (expected[j], expected[2048 + j]) = (Math.Cos(phase), Math.Sin(phase));
            }
            InrChecks.AssertClose(expected, InrChecks.Row(encoded, row), 1e-12);
        }
        // B ~ N(0, sigma^2): 4096 draws, the sample standard deviation within 5 % of sigma.
        var flat = b.Cast<double>().ToArray();
        var std = Math.Sqrt(flat.Select(v => v * v).Average());
        Assert.InRange(std, 0.95 * 7, 1.05 * 7);
    }

    [Fact]
    public void Shapes_parameters_and_gradients()
    {
        using var g = InrChecks.Seeded(13);
        var model = new FourierFeatureMlp(new FourierFeatureOptions(3, 2, Features: 8, Sigma: 1, Hidden: 6, HiddenLayers: 2), g);
        Assert.Equal(new long[] { 5, 2 }, model.forward(rand(5, 3)).shape);
        Assert.Equal(ParameterCount.Of(model.Options), model.parameters().Sum(p => p.numel()));
        model.to(ScalarType.Float64);
        var x = GradientCheck.Random(14, 4, 3);
        var weights = ModelChecks.Weights(15, [4, 2]);
        GradientCheck.AssertMatchesFiniteDifferences(input => (model.forward(input) * weights).sum(), x);
        ModelChecks.AssertParameterGradient(model, "mlp.linear0.weight", () => (model.forward(x) * weights).sum(), [0, 17, 40]);
    }

    [Fact]
    public void Save_load_keeps_the_frequency_matrix()
    {
        var options = new FourierFeatureOptions(2, 1, Features: 16, Hidden: 8, HiddenLayers: 2);
        using var g1 = InrChecks.Seeded(16);
        using var g2 = InrChecks.Seeded(17);
        ModelChecks.AssertSaveLoadRoundTrip(new FourierFeatureMlp(options, g1), new FourierFeatureMlp(options, g2), rand(6, 2));
    }
}
