using System.Text.Json.Nodes;
using TorchSharp;
using Workbench.Models.Operators.T1;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.T1;

[Collection(Training.TrainingRunCollection.Name)]
public class T1OptionsTests
{
    private static T1Operator Model(T1Options options, int seed = 1)
    {
        manual_seed(seed);
        var model = new T1Operator(options);
        model.to(float64);
        using (no_grad())
            foreach (var (name, p) in model.named_parameters())
                if (name.StartsWith("head")) p.copy_(randn(p.shape, float64) * 0.3);
        return model;
    }

    private static readonly T1Options Small = new(InChannels: 2, OutChannels: 1, Width: 6, Modes1: 4, Modes2: 3, Layers: 2, InitResolution: 16, HeadWidth: 8);

    private static Tensor Input(long h, long w) => randn(new long[] { 3, 2, h, w }, float64, generator: new Generator(2));

    /// <summary>
    /// Projecting a band-limited field back onto its own DCT modes is the identity, so without an activation the space
    /// it acts in cannot matter. (On the DFT the round trip through a real field also makes column 0 Hermitian.)
    /// </summary>
    [Theory]
    [InlineData(CoefficientScale.Orthonormal)]
    [InlineData(CoefficientScale.Normalised)]
    public void AnIdentityActivationGivesTheSameModelInBothSpaces(CoefficientScale scale)
    {
        var options = Small with { Activation = T1Activation.Identity, CoefficientScale = scale };
        var x = Input(16, 12);
        var coefficients = Model(options).ForwardCoefficients(x);
        var physical = Model(options with { ActivationSpace = ActivationSpace.Physical }).ForwardCoefficients(x);
        Assert.True(physical.allclose(coefficients, 1e-10, 1e-12));
    }

    [Fact]
    public void GeluOnTheFieldDiffersFromGeluOnItsCoefficients()
    {
        var options = Small with { Activation = T1Activation.Gelu };
        var x = Input(16, 12);
        var coefficients = Model(options).ForwardCoefficients(x);
        var physical = Model(options with { ActivationSpace = ActivationSpace.Physical }).ForwardCoefficients(x);
        var relative = (physical - coefficients).norm().item<double>() / coefficients.norm().item<double>();
        Assert.True(relative > 1e-3, $"relative difference {relative}");
    }

    [Fact]
    public void WithoutTheResidualALayerIsItsBranch()
    {
        manual_seed(4);
        using var withResidual = new T1Layer(5, 4, 3, complex: false, channelStd: 0.5, SpectralInit.VariancePreserving, modeMixingInit: ModeMixingInit.Kaiming);
        manual_seed(4);
        using var branchOnly = new T1Layer(5, 4, 3, complex: false, channelStd: 0.5, SpectralInit.VariancePreserving, residual: false, modeMixingInit: ModeMixingInit.Kaiming);
        var z = randn(new long[] { 4, 3, 2, 5 }, generator: new Generator(8));
        Assert.True((withResidual.forward(z) - branchOnly.forward(z)).allclose(z, 1e-6, 1e-6));
    }

    [Fact]
    public void KaimingModeMixingHasStdOneOverTheRootOfTheAxisLength()
    {
        manual_seed(6);
        using var layer = new T1Layer(48, 24, 12, complex: false, channelStd: 0.1, SpectralInit.VariancePreserving, modeMixingInit: ModeMixingInit.Kaiming);
        Assert.Equal(Math.Sqrt(1.0 / 24), layer.RowMixing.std().item<float>(), 2);
        Assert.Equal(Math.Sqrt(1.0 / 12), layer.ColumnMixing.std().item<float>(), 2);
        using var identity = new T1Layer(48, 24, 12, complex: false, channelStd: 0.1, SpectralInit.VariancePreserving, modeMixingInit: ModeMixingInit.Identity);
        Assert.True(identity.RowMixing[.., .., 0].equal(eye(24)).all().item<bool>());
    }

    [Fact]
    public void ThePaperHeadHasNoBiasesAndStartsAtOneEMinusEight()
    {
        manual_seed(1);
        using var model = new T1Operator(Small);
        var heads = model.named_parameters().Where(p => p.name.StartsWith("head")).ToDictionary(p => p.name, p => p.parameter);
        Assert.Equal(new[] { "head1.weight", "head2.weight" }, heads.Keys.Order());
        foreach (var weight in heads.Values) Assert.InRange(weight.abs().max().item<float>(), 1e-9, 1e-7);
        manual_seed(1);
        using var biased = new T1Operator(Small with { Head = T1Head.Biased });
        Assert.Contains(biased.named_parameters(), p => p.name == "head1.bias");
    }

    /// <summary>Checkpoints written before the released-code defaults carry no marker: their configs mean the earlier model.</summary>
    [Fact]
    public void ACheckpointSpecWithoutTheMarkerRebuildsTheEarlierModel()
    {
        var config = new T1Options(Width: 6, Modes1: 4, Modes2: 3, Layers: 2, InitResolution: 16);
        using var current = (T1Operator)config.Build(null);
        var spec = config.DerivedSpec(current);
        using var rebuilt = (T1Operator)config.BuildFromSpec(spec);
        Assert.Equal(current.Options, rebuilt.Options);

        var earlier = new JsonObject { ["t1_rows"] = spec["t1_rows"]!.DeepClone(), ["t1_columns"] = spec["t1_columns"]!.DeepClone() };
        using var legacy = (T1Operator)config.BuildFromSpec(earlier);
        Assert.Equal(current.Options with
        {
            Init = SpectralInit.VariancePreservingFirstLayer, ModeMixingInit = ModeMixingInit.Identity, Head = T1Head.Biased, CoefficientScale = CoefficientScale.Normalised,
        }, legacy.Options);
    }
}
