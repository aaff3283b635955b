using System.Text.Json;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Fno;
using Workbench.Tests.Shared;
using Workbench.Tests.Spectral;
using Workbench.Tests.Training;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Fno;

/// <summary>The FNO contract, one case per number of axes (1, 2, 3).</summary>
[Collection(TrainingRunCollection.Name)]
public sealed class FnoTests
{
    public static TheoryData<int> Dims() => new([1, 2, 3]);

    /// <summary>A small model per dimension count with an input grid above and one below its retained set.</summary>
    private static FnoOptions Small(int d) => d switch
    {
        1 => new FnoOptions(3, 2, [5], Width: 6, Layers: 2, ProjectionWidth: 8),
        2 => new FnoOptions(3, 2, [4, 3], Width: 8, Layers: 2),
        _ => new FnoOptions(3, 2, [2, 2, 2], Width: 4, Layers: 2, ProjectionWidth: 8),
    };

    private static long[] Grid(int d) => d switch { 1 => [20], 2 => [16, 12], _ => [8, 6, 5] };

    [Theory]
    [MemberData(nameof(Dims))]
    public void MapsChannelsFirstFieldsToTheOutputChannels(int d)
    {
        var model = new FnoOperator(Small(d));
        long[] coarse = [.. Enumerable.Repeat(2L, d - 1), 1];
        foreach (var grid in new[] { Grid(d), coarse })
            Assert.Equal([2, 2, .. grid], model.forward(randn([2, 3, .. grid])).shape);
        Assert.Null(FnoOperator.CheckShapes(model.Options, [3, .. Grid(d)], [2, .. Grid(d)]));
        Assert.Contains($"fno{d}d expects target samples [2, {string.Join(", ", Grid(d))}]",
            FnoOperator.CheckShapes(model.Options, [3, .. Grid(d)], [1, .. Grid(d)]));
        var axes = d switch { 1 => "X", 2 => "X >= 2, Y", _ => "X >= 2, Y >= 2, T" };
        Assert.Contains($"fno{d}d expects input samples [3, {axes}]", FnoOperator.CheckShapes(model.Options, [4, .. Grid(d)], [2, .. Grid(d)]));
        var error = Assert.Throws<ArgumentException>(() => model.forward(randn([2, 4, .. Grid(d)])));
        Assert.Contains($"fno{d}d: expected input [B, 3, {axes}]", error.Message);
    }

    [Fact]
    public void RejectsBadOptionsWithOneLine()
    {
        Assert.Contains("expected 1 to 3 mode counts", Assert.Throws<WorkbenchException>(() => new FnoOperator(new FnoOptions(1, 1, [2, 2, 2, 2]))).Message);
        Assert.Contains("fno2d: modes: expected positive mode counts, got [2, 0]", Assert.Throws<WorkbenchException>(() => new FnoOperator(new FnoOptions(1, 1, [2, 0]))).Message);
        Assert.Contains("fno1d: init_grid: expected 1 sizes >= 2", Assert.Throws<WorkbenchException>(() => new FnoOperator(new FnoOptions(1, 1, [2], InitGrid: [8, 8]))).Message);
    }

    [Theory]
    // The paper's FNO-2D and FNO-3D: 10 input steps plus the coordinates, width 20, modes 8, 4 layers, BatchNorm after
    // each layer (the release's BatchNorm2d layers hold 160 of FNO-2D's parameters).
    [InlineData(2, true, 414_517)]
    [InlineData(2, false, 414_517 - 4 * 2 * 20)]
    [InlineData(3, true, 6_558_537)]
    public void ParameterCountMatchesThePublishedModels(int d, bool batchNorm, long expected)
    {
        var model = new FnoOperator(new FnoOptions(10, 1, [.. Enumerable.Repeat(8, d)], Width: 20, Layers: 4, BatchNorm: batchNorm));
        Assert.Equal(expected, Count(model));
    }

    [Fact]
    public void ParameterCountOfTheReleasedBurgersModelFollowsItsLayers()
    {
        // The FNO release's 1-D Burgers model (the paper gives no count): width 64, modes 16, 4 layers, (u, x) lifted by
        // 2 -> 64, projection 64 -> 128 -> 1. Lift 2*64 + 64, spectral 4 * 16*64*64 complex (2 reals each), 1x1 convs
        // 4 * (64*64 + 64), projection 64*128 + 128 + 128 + 1.
        var model = new FnoOperator(new FnoOptions(1, 1, [16], Width: 64, Layers: 4));
        Assert.Equal(192 + 524_288 + 16_640 + 8_320 + 129, Count(model));
    }

    [Theory]
    [InlineData("fno1d")]
    [InlineData("fno2d")]
    [InlineData("fno3d")]
    public void MatchesTheNumpyOracle(string name)
    {
        var fixture = OperatorFixtures.Get(name);
        var modes = SpectralFixtures.Longs(fixture.GetProperty("config"), "modes").Select(m => (int)m).ToArray();
        var options = new FnoOptions(Config(fixture, "in"), Config(fixture, "out"), modes, Width: Config(fixture, "width"),
            Layers: Config(fixture, "layers"), ProjectionWidth: Config(fixture, "projection"));
        var model = OperatorFixtures.Load(new FnoOperator(options), fixture);
        var output = model.forward(OperatorFixtures.Input(fixture));
        Assert.Equal(ScalarType.Float64, output.dtype);
        SpectralFixtures.AssertClose(OperatorFixtures.Output(fixture), output, 1e-10);
    }

    [Theory]
    [MemberData(nameof(Dims))]
    public void GradientsMatchFiniteDifferences(int d)
    {
        var options = d switch
        {
            1 => new FnoOptions(1, 1, [3], Width: 3, Layers: 2, ProjectionWidth: 4),
            2 => new FnoOptions(1, 1, [2, 2], Width: 3, Layers: 2, ProjectionWidth: 4),
            _ => new FnoOptions(1, 1, [2, 1, 2], Width: 2, Layers: 1, ProjectionWidth: 3),
        };
        long[] grid = d switch { 1 => [7], 2 => [6, 5], _ => [4, 3, 4] };
        var model = new FnoOperator(options);
        model.to(ScalarType.Float64);
        ModelChecks.FillParameters(model, 20 + d, 0.3);
        var x = GradientCheck.Random(21 + d, [1, 1, .. grid]);
        var weights = ModelChecks.Weights(22 + d, [1, 1, .. grid]);
        GradientCheck.AssertMatchesFiniteDifferences(input => (model.forward(input) * weights).sum(), x);
        Tensor Loss() => (model.forward(x) * weights).sum();
        ModelChecks.AssertParameterGradient(model, "spectral.0.weight", Loss, [0, 3, 5]);
        ModelChecks.AssertParameterGradient(model, "lift.weight", Loss, [0, 1]);
    }

    [Theory]
    [MemberData(nameof(Dims))]
    public void SaveLoadRoundTripReproducesTheOutputs(int d)
    {
        var options = Small(d) with { BatchNorm = true };
        ModelChecks.AssertSaveLoadRoundTrip(new FnoOperator(options), new FnoOperator(options), GradientCheck.Random(23, [2, 3, .. Grid(d)]).to(ScalarType.Float32));
    }

    [Theory]
    [MemberData(nameof(Dims))]
    public void KeepsFloat64AndRunsOnTheInputDevice(int d)
    {
        var model = new FnoOperator(Small(d));
        model.to(ScalarType.Float64);
        var output = model.forward(GradientCheck.Random(24, [1, 3, .. Grid(d)]));
        Assert.Equal(ScalarType.Float64, output.dtype);
        Assert.Equal(DeviceType.CPU, output.device_type);
    }

    [Theory]
    [MemberData(nameof(Dims))]
    public void ResolutionChangeAgreesOnTheCommonGridForASmoothInput(int d)
    {
        // Lift, 1x1 convs, GELU and the projection act pointwise, so they commute with restricting the fine grid to the
        // coarse one; the spectral layers agree exactly on band-limited fields. The only difference is aliasing on the
        // coarse grid of the harmonics above its Nyquist wavenumber that GELU creates from an input with |k| <= 2: a
        // smooth field's harmonics decay geometrically, so the agreement is far below training error levels (1e-3 of
        // the output scale is asserted).
        manual_seed(25);
        var model = new FnoOperator(new FnoOptions(2, 1, [.. Enumerable.Repeat(d == 3 ? 6 : 8, d)], Width: 8, Layers: 3));
        model.to(ScalarType.Float64);
        var coefficients = GradientCheck.Random(25, [1, 2, .. Enumerable.Repeat(5L, d)]);
        var (coarseSize, fineSize) = d == 3 ? (24L, 48L) : (64L, 128L);
        using var _ = no_grad();
        var coarse = model.forward(SpectralConvTests.BandLimited(coefficients, coarseSize));
        var fine = model.forward(SpectralConvTests.BandLimited(coefficients, fineSize));
        for (var axis = 2; axis < d + 2; axis++) fine = fine.slice(axis, 0, fineSize, 2);
        var relative = ((fine - coarse).norm() / coarse.norm()).item<double>();
        Assert.True(relative < 1e-3, $"relative difference {relative:E3}");
    }

    private static long Count(nn.Module module) => module.parameters().Sum(p => p.numel());

    private static int Config(JsonElement fixture, string name) => OperatorFixtures.Config(fixture, name).GetInt32();
}
