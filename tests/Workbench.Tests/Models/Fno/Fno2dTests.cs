using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Fno;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Fno;

public sealed class Fno2dTests
{
    [Fact]
    public void MapsChannelsFirstFieldsToTheOutputChannels()
    {
        var model = new Fno2d(new Fno2dOptions(3, 2, Width: 8, Modes1: 4, Modes2: 3, Layers: 2));
        Assert.Equal(new long[] { 2, 2, 16, 12 }, model.forward(randn(2, 3, 16, 12)).shape);
        Assert.Null(Fno2d.CheckShapes(model.Options, [3, 16, 12], [2, 16, 12]));
        Assert.Contains("target samples [2, 16, 12]", Fno2d.CheckShapes(model.Options, [3, 16, 12], [1, 16, 12]));
        var error = Assert.Throws<WorkbenchException>(() => model.forward(randn(2, 4, 16, 12)));
        Assert.Contains("[B, 3, X >= 2, Y]", error.Message);
    }

    [Fact]
    public void ParameterCountMatchesThePublishedFno2d()
    {
        // The paper's FNO-2D: 10 input steps + (x, y), width 20, modes 8, 4 layers, BatchNorm2d after each layer.
        var published = new Fno2d(new Fno2dOptions(10, 1, Width: 20, Modes1: 8, Modes2: 8, Layers: 4, BatchNorm: true));
        Assert.Equal(414_517, Count(published));
        var withoutNorms = new Fno2d(new Fno2dOptions(10, 1, Width: 20, Modes1: 8, Modes2: 8, Layers: 4));
        Assert.Equal(414_517 - 4 * 2 * 20, Count(withoutNorms));
    }

    [Fact]
    public void MatchesTheNumpyOracle()
    {
        var fixture = OperatorFixtures.Get("fno2d");
        var model = OperatorFixtures.Load(new Fno2d(Options(fixture)), fixture);
        var output = model.forward(OperatorFixtures.Input(fixture));
        Assert.Equal(ScalarType.Float64, output.dtype);
        SpectralFixtures.AssertClose(OperatorFixtures.Output(fixture), output, 1e-10);
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        var model = new Fno2d(new Fno2dOptions(1, 1, Width: 3, Modes1: 2, Modes2: 2, Layers: 2, ProjectionWidth: 4));
        model.to(ScalarType.Float64);
        var x = GradientCheck.Random(21, 1, 1, 6, 5);
        var weights = ModelChecks.Weights(22, [1, 1, 6, 5]);
        GradientCheck.AssertMatchesFiniteDifferences(input => (model.forward(input) * weights).sum(), x);
        Tensor Loss() => (model.forward(x) * weights).sum();
        ModelChecks.AssertParameterGradient(model, "spectral.0.weight", Loss, [0, 5, 17, 40]);
        ModelChecks.AssertParameterGradient(model, "lift.weight", Loss, [0, 4]);
    }

    [Fact]
    public void SaveLoadRoundTripReproducesTheOutputs()
    {
        var options = new Fno2dOptions(2, 1, Width: 6, Modes1: 3, Modes2: 3, Layers: 2, BatchNorm: true);
        ModelChecks.AssertSaveLoadRoundTrip(new Fno2d(options), new Fno2d(options), GradientCheck.Random(23, 2, 2, 8, 8).to(ScalarType.Float32));
    }

    [Fact]
    public void KeepsFloat64AndRunsOnTheInputDevice()
    {
        var model = new Fno2d(new Fno2dOptions(1, 1, Width: 4, Modes1: 2, Modes2: 2, Layers: 1));
        model.to(ScalarType.Float64);
        var output = model.forward(GradientCheck.Random(24, 1, 1, 8, 8));
        Assert.Equal(ScalarType.Float64, output.dtype);
        Assert.Equal(DeviceType.CPU, output.device_type);
    }

    [Fact]
    public void ResolutionChangeFrom64To128AgreesOnTheCommonGridForASmoothInput()
    {
        // Lift, 1x1 convs, GELU and the projection act pointwise, so they commute with restricting the 128 grid to the
        // 64 one; the spectral layers agree exactly on band-limited fields. The only difference is aliasing at 64 of the
        // harmonics above |k| = 32 that GELU creates from an input with |k| <= 2: a smooth field's harmonics decay
        // geometrically, so the agreement is far below training error levels (1e-3 of the output scale is asserted).
        var model = new Fno2d(new Fno2dOptions(2, 1, Width: 8, Modes1: 8, Modes2: 8, Layers: 3));
        model.to(ScalarType.Float64);
        var coefficients = GradientCheck.Random(25, 1, 2, 5, 5);
        using var _ = no_grad();
        var coarse = model.forward(SpectralConvTests.BandLimited(coefficients, 64));
        var fine = model.forward(SpectralConvTests.BandLimited(coefficients, 128)).slice(2, 0, 128, 2).slice(3, 0, 128, 2);
        var relative = ((fine - coarse).norm() / coarse.norm()).item<double>();
        Assert.True(relative < 1e-3, $"relative difference {relative:E3}");
    }

    internal static long Count(nn.Module module) => module.parameters().Sum(p => p.numel());

    private static Fno2dOptions Options(System.Text.Json.JsonElement fixture)
    {
        var modes = SpectralFixtures.Longs(fixture.GetProperty("config"), "modes");
        return new Fno2dOptions(OperatorFixtures.Config(fixture, "in").GetInt32(), OperatorFixtures.Config(fixture, "out").GetInt32(),
            Width: OperatorFixtures.Config(fixture, "width").GetInt32(), Modes1: (int)modes[0], Modes2: (int)modes[1],
            Layers: OperatorFixtures.Config(fixture, "layers").GetInt32(),
            ProjectionWidth: OperatorFixtures.Config(fixture, "projection").GetInt32());
    }
}
