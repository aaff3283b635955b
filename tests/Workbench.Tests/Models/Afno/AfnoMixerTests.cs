using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Afno;
using Workbench.Spectral.Fourier;
using Workbench.Tests.Shared;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Afno;

public sealed class AfnoMixerTests
{
    [Theory]
    [InlineData("afno_mixer_full")]
    [InlineData("afno_mixer_half")]
    [InlineData("afno_mixer_odd")]
    public void MatchesTheNumpyOracle(string name)
    {
        var fixture = OperatorFixtures.Get(name);
        var mixer = OperatorFixtures.Load(Mixer(fixture), fixture);
        var x = OperatorFixtures.Input(fixture);
        SpectralFixtures.AssertClose(OperatorFixtures.Output(fixture), mixer.forward(x), 1e-10);
        SpectralFixtures.AssertClose(SpectralFixtures.Complex(fixture.GetProperty("spectrum")), mixer.SpectralOutput(x), 1e-10);
    }

    [Theory]
    [InlineData(16, 16, 0.5)]
    [InlineData(15, 12, 0.3)]
    [InlineData(9, 7, 0.75)]
    public void FractionBelowOneZeroesExactlyTheModesOutsideTheLowPassSet(int h, int w, double fraction)
    {
        var mixer = new AfnoMixer(8, blocks: 2, sparsityThreshold: 0, modeFraction: fraction);
        mixer.to(ScalarType.Float64);
        var spectrum = mixer.SpectralOutput(GradientCheck.Random(41, 2, h, w, 8));
        // The kept set from its definition: signed kx in [-m1, m1], ky < m2, m1 = ceil(f h / 2), m2 = ceil(f (w/2 + 1)).
        var m1 = (long)Math.Ceiling(fraction * h / 2);
        var m2 = (long)Math.Ceiling(fraction * (w / 2 + 1));
        var kx = Wavenumbers.Integer(h, ScalarType.Int64, CPU).reshape(h, 1);
        var ky = Wavenumbers.IntegerHalf(w, ScalarType.Int64, CPU).reshape(1, w / 2 + 1);
        var kept = (kx >= -m1).logical_and(kx <= m1).logical_and(ky < m2);
        Assert.True(kept.logical_not().any().item<bool>(), "the test grid must have modes outside the kept set");
        var magnitude = spectrum.abs().amax([0, 3]);
        Assert.Equal(0.0, magnitude.masked_select(kept.logical_not()).max().item<double>());
        Assert.True(magnitude.masked_select(kept).min().item<double>() > 0, "a kept mode came out zero");
    }

    [Theory]
    [InlineData(16, 16, 0.5)]
    [InlineData(15, 12, 0.3)]
    [InlineData(10, 8, 0.2)]
    public void TheKeptSetIsClosedUnderNegationSoTheMixerCommutesWithMirroringX(int h, int w, double fraction)
    {
        var modes = new AfnoModeSet(h, w, fraction);
        Assert.False(modes.AllRows, "the test grid must drop some rows");
        var kept = modes.Scatter(modes.Gather(ones([1, h, w / 2 + 1, 1], ScalarType.Float64)))[0, .., .., 0] != 0;
        var negation = arange(h).neg().remainder(h);
        Assert.True(kept.equal(kept.index_select(0, negation)).all().item<bool>(), "the kept rows are not symmetric in kx");
        // x(i, j) -> x(-i, j) sends X(kx, ky) to X(-kx, ky); the mixer acts on each kept mode alike, so for any weights it
        // commutes with the mirror exactly when the kept set does.
        var mixer = new AfnoMixer(8, blocks: 2, modeFraction: fraction);
        mixer.to(ScalarType.Float64);
        ModelChecks.FillParameters(mixer, 47, 0.3);
        var x = GradientCheck.Random(48, 2, h, w, 8);
        Tensor Mirror(Tensor field) => field.index_select(1, negation);
        SpectralFixtures.AssertClose(Mirror(mixer.forward(x)), mixer.forward(Mirror(x)), 1e-12);
    }

    [Fact]
    public void SoftShrinkZeroesSmallPartsAndShiftsTheRestByLambda()
    {
        // One block of width 1, zero input: X = 0, so o1 = ReLU(b1) and o2 = o1 w2 + b2 at every mode, known in closed form.
        var mixer = new AfnoMixer(1, blocks: 1, sparsityThreshold: 0.1);
        mixer.to(ScalarType.Float64);
        var values = new Dictionary<string, double[]>
        {
            ["w1"] = [1, 0], ["b1"] = [0.5, 0.3], ["w2"] = [1, 0], ["b2"] = [-0.45, -0.25],
        };
        using (no_grad())
        {
            foreach (var (name, p) in mixer.named_parameters())
                p.copy_(tensor(values[name], ScalarType.Float64).reshape(p.shape));
        }
        var spectrum = mixer.SpectralOutput(zeros([1, 4, 4, 1], ScalarType.Float64));
        // o2 = (0.5 + 0.3 i) + (-0.45 - 0.25 i) = 0.05 + 0.05 i -> both parts below lambda -> 0;
        Assert.Equal(0.0, spectrum.abs().max().item<double>());
        using (no_grad()) mixer.named_parameters().Single(p => p.name == "b2").parameter.copy_(tensor(new[] { 0.2, -0.6 }, ScalarType.Float64).reshape(1, 1, 2));
        // o2 = 0.7 - 0.3 i -> shrink -> 0.6 - 0.2 i at every mode.
        var shrunk = view_as_real(mixer.SpectralOutput(zeros([1, 4, 4, 1], ScalarType.Float64)));
        SpectralFixtures.AssertClose(tensor(new[] { 0.6, -0.2 }, ScalarType.Float64).expand(1, 4, 3, 1, 2), shrunk, 1e-15);
    }

    [Fact]
    public void KeepsFloat64AndPromotesHalfPrecisionOnlyInsideTheSpectralPart()
    {
        var mixer = new AfnoMixer(8, blocks: 4);
        mixer.to(ScalarType.Float64);
        Assert.Equal(ScalarType.Float64, mixer.forward(GradientCheck.Random(42, 1, 6, 6, 8)).dtype);
        Assert.Equal(ScalarType.ComplexFloat64, mixer.SpectralOutput(GradientCheck.Random(42, 1, 6, 6, 8)).dtype);
        var single = new AfnoMixer(8, blocks: 4);
        var half = GradientCheck.Random(43, 1, 6, 6, 8).to(ScalarType.BFloat16);
        Assert.Equal(ScalarType.ComplexFloat32, single.SpectralOutput(half).dtype);
        Assert.Equal(ScalarType.BFloat16, single.forward(half).dtype);
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        var mixer = new AfnoMixer(4, blocks: 2, hiddenFactor: 2, sparsityThreshold: 0.001, modeFraction: 0.7);
        mixer.to(ScalarType.Float64);
        ModelChecks.FillParameters(mixer, 46, 0.3);
        var x = GradientCheck.Random(44, 1, 5, 4, 4);
        var weights = ModelChecks.Weights(45, [1, 5, 4, 4]);
        GradientCheck.AssertMatchesFiniteDifferences(input => (mixer.forward(input) * weights).sum(), x);
        ModelChecks.AssertParameterGradient(mixer, "w1", () => (mixer.forward(x) * weights).sum(), [0, 3, 11]);
        ModelChecks.AssertParameterGradient(mixer, "b2", () => (mixer.forward(x) * weights).sum(), [0, 5]);
    }

    [Fact]
    public void RejectsAWidthNotDivisibleByTheBlocks()
    {
        var error = Assert.Throws<WorkbenchException>(() => new AfnoMixer(10, blocks: 4));
        Assert.Contains("width 10 must be a positive multiple of the block count 4", error.Message);
        var mixer = new AfnoMixer(8, blocks: 4);
        Assert.Contains("[B, H, W, 8]", Assert.Throws<ArgumentException>(() => mixer.forward(zeros(1, 8, 4, 4))).Message);
    }

    private static AfnoMixer Mixer(System.Text.Json.JsonElement fixture) => new(
        OperatorFixtures.Config(fixture, "dim").GetInt32(), OperatorFixtures.Config(fixture, "blocks").GetInt32(),
        OperatorFixtures.Config(fixture, "factor").GetInt32(), OperatorFixtures.Config(fixture, "lambda").GetDouble(),
        OperatorFixtures.Config(fixture, "fraction").GetDouble());
}
