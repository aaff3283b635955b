using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Inr;
using Workbench.Tests.Shared;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Inr;

public sealed class NstrTests
{
    private static NstrOptions Small(SpectrumBackend backend, int d = 2) => new(d, 2, Frequencies: 6, FrequencySigma: 2, Backend: backend,
        SpectrumResolution: 4, SpectrumTableSize: 32, SpectrumLevels: 2, DecoderHidden: 8, DecoderLayers: 2, TransportHidden: 8, TransportLayers: 1);

    [Theory]
    [InlineData(SpectrumBackend.Grid, 2)]
    [InlineData(SpectrumBackend.HashGrid, 2)]
    [InlineData(SpectrumBackend.Mlp, 2)]
    [InlineData(SpectrumBackend.Grid, 3)]
    [InlineData(SpectrumBackend.Grid, 1)]
    public void Shapes_and_parameter_counts_for_every_backend(SpectrumBackend backend, int d)
    {
        using var g = InrChecks.Seeded(31);
        var model = new Nstr(Small(backend, d), g);
        var x = rand(5, d) * 2 - 1;
        Assert.Equal(new long[] { 5, 2 }, model.forward(x).shape);
        Assert.Equal(new long[] { 5, 6 }, model.Spectrum(x).shape);
        Assert.Equal(new long[] { 5, 6, d }, model.SpectrumGradient(x).shape);
        Assert.Equal(ParameterCount.Of(model.Options), model.parameters().Where(p => p.requires_grad).Sum(p => p.numel()));
        Assert.Equal(0, model.TransportResidual(x).dim());
        Assert.Throws<WorkbenchException>(() => model.forward(rand(5, d + 1)));
    }

    [Fact]
    public void Forward_is_the_decoder_of_spectrum_modulated_sinusoids()
    {
        using var g = InrChecks.Seeded(32);
        var model = new Nstr(Small(SpectrumBackend.Grid) with { DecoderLayers = 1 }, g);
        model.to(ScalarType.Float64);
        var grid = model.named_parameters().Single(p => p.name == "spectrum.grid").parameter;
        using (no_grad()) grid.copy_(GradientCheck.Random(33, 25, 6));
        // Two grid vertices (S = 1 + the stored row) and the midpoint of a cell edge (S = 1 + the mean of two rows).
        var x = tensor(new[] { -1.0, -1.0, 0.5, -0.5, 0.25, 0.0 }, ScalarType.Float64).reshape(3, 2);
        var stored = InrChecks.Matrix(grid);
        double[] S(int row) => Enumerable.Range(0, 6).Select(k => 1 + stored[row, k]).ToArray();
        // Vertex (i, j) on the 5 x 5 grid has row i + 5 j (axis 0 fastest); x = -1 + 2 i / 4.
        var spectra = new[] { S(0), S(3 + 5 * 1), S(2 + 5 * 2).Zip(S(3 + 5 * 2), (a, b) => (a + b) / 2).ToArray() };
        var omega = InrChecks.Matrix(model.Frequencies);
        var phase = InrChecks.Matrix(model.named_parameters().Single(p => p.name == "phase").parameter);
        var output = model.forward(x);
        for (var row = 0; row < 3; row++)
        {
            var v = InrChecks.Row(x, row);
            var z = Enumerable.Range(0, 6).Select(k => spectra[row][k] * Math.Sin(omega[k, 0] * v[0] + omega[k, 1] * v[1] + phase[k, 0])).ToArray();
            var h = InrChecks.Relu(InrChecks.Affine(InrChecks.Layer(model, "decoder.linear0"), z));
            InrChecks.AssertClose(InrChecks.Affine(InrChecks.Layer(model, "decoder.out"), h), InrChecks.Row(output, row), 1e-12);
        }
    }

    /// <summary>Inside a grid cell S is linear along each axis, so central differences equal the autograd Jacobian.</summary>
    [Fact]
    public void Finite_difference_and_autograd_spectrum_gradients_agree_inside_cells()
    {
        using var g = InrChecks.Seeded(34);
        var options = Small(SpectrumBackend.Grid) with { DifferenceStep = 1e-3 };
        var model = new Nstr(options, g);
        model.to(ScalarType.Float64);
        using (no_grad()) model.named_parameters().Single(p => p.name == "spectrum.grid").parameter.copy_(GradientCheck.Random(35, 25, 6));
        // Cell centres of the 4 x 4 grid over [-1, 1]^2, nudged off symmetric positions.
        var x = tensor(new[] { -0.73, -0.26, 0.27, 0.74, 0.22, -0.77, -0.24, 0.76 }, ScalarType.Float64).reshape(4, 2);
        var differences = model.SpectrumGradient(x);
        var exact = new Nstr(options with { Gradient = SpectrumGradient.Autograd }, g);
        exact.to(ScalarType.Float64);
        using (no_grad())
            foreach (var (name, p) in exact.named_parameters()) p.copy_(model.named_parameters().Single(q => q.name == name).parameter);
        SpectralFixtures.AssertClose(exact.SpectrumGradient(x), differences, 1e-9);
        Assert.True(differences.abs().max().item<double>() > 0.1, "the compared gradients are trivially small");
    }

    [Fact]
    public void Gradients_match_finite_differences()
    {
        using var g = InrChecks.Seeded(36);
        var model = new Nstr(Small(SpectrumBackend.Mlp), g);
        model.to(ScalarType.Float64);
        var x = GradientCheck.Random(37, 4, 2);
        var weights = ModelChecks.Weights(38, [4, 2]);
        GradientCheck.AssertMatchesFiniteDifferences(input => (model.forward(input) * weights).sum(), x);
        ModelChecks.AssertParameterGradient(model, "omega", () => (model.forward(x) * weights).sum(), [0, 5, 11]);
        ModelChecks.AssertParameterGradient(model, "transport.out.weight", () => model.TransportResidual(x), [0, 20, 57]);
    }

    [Fact]
    public void Fixed_frequencies_are_not_trained_and_save_load_round_trips()
    {
        using var g = InrChecks.Seeded(39);
        var fixedModel = new Nstr(Small(SpectrumBackend.HashGrid) with { LearnFrequencies = false }, g);
        Assert.False(fixedModel.Frequencies.requires_grad);
        var options = Small(SpectrumBackend.HashGrid);
        using var g1 = InrChecks.Seeded(40);
        using var g2 = InrChecks.Seeded(41);
        ModelChecks.AssertSaveLoadRoundTrip(new Nstr(options, g1), new Nstr(options, g2), rand(6, 2) * 2 - 1);
    }
}
