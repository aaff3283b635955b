using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Inr;
using Workbench.Tests.Shared;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Inr;

public sealed class SirenTests
{
    [Fact]
    public void Maps_coordinates_to_values_and_rejects_other_shapes()
    {
        using var g = InrChecks.Seeded(1);
        var model = new Siren(new SirenOptions(2, 3, Hidden: 16, HiddenLayers: 2), g);
        Assert.Equal(new long[] { 5, 3 }, model.forward(rand(5, 2)).shape);
        var error = Assert.Throws<WorkbenchException>(() => model.forward(rand(5, 3)));
        Assert.Contains("expected coordinates [N, 2]", error.Message);
        Assert.Equal(ParameterCount.Of(model.Options), model.parameters().Sum(p => p.numel()));
    }

    /// <summary>U(-a, a) has variance a^2 / 3: a = 1/n for the first layer, sqrt(6/n)/omega0 after it.</summary>
    [Fact]
    public void Initialisation_follows_the_siren_uniform_bounds_and_variance()
    {
        using var g = InrChecks.Seeded(2);
        const int n = 256;
        var model = new Siren(new SirenOptions(2, 1, Hidden: n, HiddenLayers: 2, Omega0: 30), g);
        var weights = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        void Check(string name, double bound)
        {
            var w = weights[name].to(ScalarType.Float64);
            Assert.True(w.abs().max().item<double>() <= bound, $"{name} exceeds {bound}");
            Assert.True(w.abs().max().item<double>() > 0.95 * bound, $"{name} does not reach {bound}");
            var variance = w.var().item<double>();
            var expected = bound * bound / 3;
            Assert.True(Math.Abs(variance / expected - 1) < 0.05, $"{name}: variance {variance:E4}, expected {expected:E4}");
            Assert.True(Math.Abs(w.mean().item<double>()) < 0.05 * bound, $"{name} is not centred");
        }
        Check("layers.1.linear.weight", Math.Sqrt(6.0 / n) / 30);
        Check("layers.2.linear.weight", Math.Sqrt(6.0 / n) / 30);
        var first = weights["layers.0.linear.weight"];
        Assert.True(first.abs().max().item<float>() <= 1.0 / 2);
        // The first layer has only 2 x 256 draws from U(-1/2, 1/2): a looser variance check.
        Assert.True(Math.Abs(first.to(ScalarType.Float64).var().item<double>() / (0.25 / 3) - 1) < 0.15);
    }

    [Fact]
    public void Forward_matches_a_naive_evaluation_of_sin_omega0_affine_layers()
    {
        using var g = InrChecks.Seeded(3);
        var model = new Siren(new SirenOptions(2, 2, Hidden: 8, HiddenLayers: 1, Omega0: 30, FirstOmega0: 20), g);
        model.to(ScalarType.Float64);
        var x = GradientCheck.Random(4, 3, 2);
        var output = model.forward(x);
        for (var row = 0; row < 3; row++)
        {
            var h = InrChecks.Row(x, row);
            h = InrChecks.Affine(InrChecks.Layer(model, "layers.0.linear"), h).Select(v => Math.Sin(20 * v)).ToArray();
            h = InrChecks.Affine(InrChecks.Layer(model, "layers.1.linear"), h).Select(v => Math.Sin(30 * v)).ToArray();
            h = InrChecks.Affine(InrChecks.Layer(model, "output"), h);
            InrChecks.AssertClose(h, InrChecks.Row(output, row), 1e-12);
        }
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        using var g = InrChecks.Seeded(5);
        var model = new Siren(new SirenOptions(2, 1, Hidden: 6, HiddenLayers: 1), g);
        model.to(ScalarType.Float64);
        var x = GradientCheck.Random(6, 4, 2);
        var weights = ModelChecks.Weights(7, [4, 1]);
        GradientCheck.AssertMatchesFiniteDifferences(input => (model.forward(input) * weights).sum(), x);
        ModelChecks.AssertParameterGradient(model, "layers.1.linear.weight", () => (model.forward(x) * weights).sum(), [0, 11, 35]);
    }

    [Fact]
    public void The_same_seed_gives_the_same_model_and_save_load_round_trips()
    {
        var options = new SirenOptions(3, 2, Hidden: 12, HiddenLayers: 2);
        using var g1 = InrChecks.Seeded(9);
        using var g2 = InrChecks.Seeded(9);
        var x = rand(7, 3);
        Assert.True(new Siren(options, g1).forward(x).equal(new Siren(options, g2).forward(x)).all().item<bool>());
        ModelChecks.AssertSaveLoadRoundTrip(new Siren(options), new Siren(options), x);
    }
}
