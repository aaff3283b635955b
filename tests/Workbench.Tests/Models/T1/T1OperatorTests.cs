using TorchSharp;
using Workbench.Models.Operators.T1;
using Workbench.Spectral.Cosine;
using Workbench.Training.Losses;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.T1;

[Collection(Training.TrainingRunCollection.Name)]
public class T1OperatorTests
{
    /// <summary>A small float64 model whose head weights are redrawn O(1), so that outputs and gradients are not ~1e-8.</summary>
    private static T1Operator Model(T1Transform transform, int layers = 2, int seed = 1, int modes1 = 4, int modes2 = 3, int init = 16,
        CoefficientScale scale = CoefficientScale.Orthonormal)
    {
        manual_seed(seed);
        var model = new T1Operator(new T1Options(InChannels: 2, OutChannels: 1, Width: 6, Modes1: modes1, Modes2: modes2, Layers: layers,
            Transform: transform, InitResolution: init, HeadWidth: 8, CoefficientScale: scale));
        model.to(float64);
        using (no_grad())
            foreach (var (name, p) in model.named_parameters())
                if (name.StartsWith("head")) p.copy_(randn(p.shape, float64) * 0.3);
        return model;
    }

    private static Tensor Input(long h, long w, int seed = 2) =>
        randn(new long[] { 3, 2, h, w }, float64, generator: new Generator((ulong)seed));

    [Fact]
    public void RetainedTransformsEqualFullTransformsOnTheKeptModes()
    {
        var x = Input(12, 10);
        var dct = new RetainedTransform(T1Transform.Dct, ModeSelection.LowPass(T1Transform.Dct, 4, 3));
        Assert.True(dct.Forward(x).allclose(Dct.Forward2(x)[.., .., ..4, ..3], 1e-12, 1e-12));

        var dft = new RetainedTransform(T1Transform.Dft, ModeSelection.LowPass(T1Transform.Dft, 2, 3));
        var spectrum = fft.rfft2(x, norm: FFTNormType.Ortho);
        var rows = tensor(new long[] { 0, 1, 11 });
        Assert.True(dft.Forward(x).allclose(spectrum.index_select(2, rows)[.., .., .., ..3], 1e-12, 1e-12));
    }

    [Theory]
    [InlineData(T1Transform.Dct)]
    [InlineData(T1Transform.Dft)]
    public void InverseOfForwardKeepsBandLimitedFields(T1Transform transform)
    {
        var selection = ModeSelection.LowPass(transform, 3, 3);
        var retained = new RetainedTransform(transform, selection);
        var bandLimited = retained.Inverse(retained.Forward(Input(12, 12)), 12, 12);
        Assert.True(retained.Inverse(retained.Forward(bandLimited), 12, 12).allclose(bandLimited, 1e-12, 1e-12));
    }

    [Fact]
    public void LiftInTheFrequencyDomainEqualsLiftThenTransform()
    {
        var model = Model(T1Transform.Dct, layers: 0);
        var p = model.named_parameters().ToDictionary(n => n.name, n => n.parameter);
        var x = Input(16, 16);
        var centres = (arange(16, float64) + 0.5) / 16;
        var grid = stack([centres.view(16, 1).expand(16, 16), centres.view(1, 16).expand(16, 16)]).expand(3, 2, 16, 16);
        var lifted = einsum("oi,bixy->boxy", p["lift.weight"], cat([x, grid], 1)) + p["lift.bias"].view(1, -1, 1, 1);
        var z = Dct.Forward2(lifted)[.., .., ..4, ..3].permute(0, 2, 3, 1);
        // The released head: two bias-free matrices with sin between.
        var expected = nn.functional.linear(sin(nn.functional.linear(z, p["head1.weight"])), p["head2.weight"]);
        Assert.True(model.ForwardCoefficients(x).allclose(expected.permute(0, 3, 1, 2), 1e-10, 1e-12));
    }

    [Theory]
    [InlineData(T1Transform.Dct)]
    [InlineData(T1Transform.Dft)]
    public void FrequencyDomainLossEqualsPhysicalRelativeL2(T1Transform transform)
    {
        var model = Model(transform);
        var x = Input(16, 16);
        var y = Input(16, 16, seed: 5).narrow(1, 0, 1);
        var spectral = model.RelativeL2PerSample(x, y);
        var physical = FieldLosses.RelativeL2PerSample(model.forward(x), y);
        Assert.True(spectral.allclose(physical, 1e-10, 1e-12), $"{spectral.data<double>()[0]} vs {physical.data<double>()[0]}");
    }

    [Theory]
    [InlineData(T1Transform.Dct)]
    [InlineData(T1Transform.Dft)]
    public void InputGradientMatchesFiniteDifferences(T1Transform transform)
    {
        var model = Model(transform);
        var x = Input(8, 8).requires_grad_(true);
        var weights = Input(8, 8, seed: 9).narrow(1, 0, 1);
        (model.forward(x) * weights).sum().backward();
        var analytic = x.grad!.clone();
        foreach (var (b, c, i, j) in new[] { (0, 0, 1, 2), (2, 1, 7, 0), (1, 0, 4, 5) })
        {
            double Objective(double delta)
            {
                using var _ = no_grad();
                var shifted = x.detach().clone();
                shifted[b, c, i, j] = shifted[b, c, i, j] + delta;
                return (model.forward(shifted) * weights).sum().item<double>();
            }
            var numeric = (Objective(1e-6) - Objective(-1e-6)) / 2e-6;
            Assert.Equal(numeric, analytic[b, c, i, j].item<double>(), 6);
        }
    }

    [Fact]
    public void SaveAndLoadReproduceOutputs()
    {
        var model = Model(T1Transform.Dft);
        var stream = new MemoryStream();
        model.save(new BinaryWriter(stream));
        var other = Model(T1Transform.Dft, seed: 99);
        var x = Input(16, 16);
        Assert.False(other.forward(x).allclose(model.forward(x)));
        stream.Position = 0;
        other.load(new BinaryReader(stream));
        Assert.True(other.forward(x).allclose(model.forward(x), 0, 0));
    }

    [Theory]
    [InlineData(16, CoefficientScale.Normalised)]
    [InlineData(64, CoefficientScale.Normalised)]
    [InlineData(16, CoefficientScale.Orthonormal)]
    [InlineData(64, CoefficientScale.Orthonormal)]
    public void TheDcCoefficientIsTheMeanTimesTheScalesFactor(int n, CoefficientScale scale)
    {
        var model = Model(T1Transform.Dct, scale: scale);
        var y = randn(new long[] { 2, 1, n, n }, float64, generator: new Generator(5)) * 2 + 3;
        var dc = model.TargetCoefficients(y)[.., 0, 0, 0];
        var factor = scale == CoefficientScale.Normalised ? 1.0 : n;
        Assert.True(dc.allclose(y.mean([1, 2, 3]) * factor, 1e-12, 1e-12), $"the DC coefficient is not {factor} times the mean of the field");
    }

    [Fact]
    public void BandLimitedInputHasTheSameCoefficientsAtTwiceTheResolution()
    {
        var model = Model(T1Transform.Dct, init: 32, scale: CoefficientScale.Normalised);
        Tensor Field(long n)
        {
            var c = (arange(n, float64) + 0.5) / n;
            var u = cos(Math.PI * c).view(n, 1) * cos(2 * Math.PI * c).view(1, n) + 0.5 * cos(3 * Math.PI * c).view(1, n);
            return stack([u, u * 0.5]).unsqueeze(0);
        }
        var coarse = model.ForwardCoefficients(Field(32));
        var fine = model.ForwardCoefficients(Field(64));
        var relative = (fine - coarse).norm().item<double>() / coarse.norm().item<double>();
        // Only the x, y grid channels are not band-limited; their aliasing into the kept modes is O(1/N^2).
        Assert.True(relative < 2e-3, $"relative difference {relative}");
    }

    [Fact]
    public void EnergyRankedSelectionKeepsTheDominantRowsAndColumns()
    {
        var n = 16;
        var c = (arange(n, float64) + 0.5) / n;
        var field = (cos(5 * Math.PI * c).view(n, 1) + 0.2) * (cos(3 * Math.PI * c).view(1, n) + 0.1);
        var selection = ModeSelection.EnergyRanked(T1Transform.Dct, field.view(1, 1, n, n), 2, 2);
        Assert.Equal([0L, 5], selection.Rows);
        Assert.Equal([0L, 3], selection.Columns);

        var periodic = arange(n, float64) / n;
        var wave = cos(2 * Math.PI * 3 * periodic).view(n, 1) * cos(2 * Math.PI * 2 * periodic).view(1, n);
        var dft = ModeSelection.EnergyRanked(T1Transform.Dft, wave.view(1, 1, n, n), 1, 1);
        Assert.Equal([-3L, 3], dft.Rows);
        Assert.Equal(2, dft.Rows.Length);
        Assert.Equal([2L], dft.Columns);
    }

    [Fact]
    public void GridTooSmallForTheModesIsReported()
    {
        var options = new T1Options(InChannels: 1, Modes1: 24, Modes2: 24);
        var problem = T1Operator.CheckShapes(options, ModeSelection.LowPass(T1Transform.Dct, 24, 24), [1, 16, 16], [1, 16, 16]);
        Assert.Equal("t1 with these modes needs a grid of at least 24x24, got 16x16", problem);
    }
}
