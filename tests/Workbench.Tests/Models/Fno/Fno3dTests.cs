using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Fno;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Fno;

public sealed class Fno3dTests
{
    [Fact]
    public void MapsSpaceTimeFieldsToTheOutputChannels()
    {
        var model = new Fno3d(new Fno3dOptions(2, 1, Width: 4, Modes1: 2, Modes2: 2, Modes3: 2, Layers: 2, ProjectionWidth: 8));
        Assert.Equal(new long[] { 2, 1, 8, 6, 5 }, model.forward(randn([2, 2, 8, 6, 5])).shape);
        Assert.Null(Fno3d.CheckShapes(model.Options, [2, 8, 6, 5], [1, 8, 6, 5]));
        var error = Assert.Throws<WorkbenchException>(() => model.forward(randn(2, 2, 8, 6)));
        Assert.Contains("fno3d: expected input [B, 2, X >= 2, Y >= 2, T]", error.Message);
    }

    [Fact]
    public void ParameterCountMatchesThePublishedFno3d()
    {
        // The paper's FNO-3D: 10 input steps + (x, y, t), width 20, modes 8, 8, 8, 4 layers, BatchNorm3d after each layer.
        var published = new Fno3d(new Fno3dOptions(10, 1, Width: 20, Modes1: 8, Modes2: 8, Modes3: 8, Layers: 4, BatchNorm: true));
        Assert.Equal(6_558_537, Fno2dTests.Count(published));
    }

    [Fact]
    public void MatchesTheNumpyOracle()
    {
        var fixture = OperatorFixtures.Get("fno3d");
        var modes = SpectralFixtures.Longs(fixture.GetProperty("config"), "modes").Select(m => (int)m).ToArray();
        var options = new Fno3dOptions(OperatorFixtures.Config(fixture, "in").GetInt32(), OperatorFixtures.Config(fixture, "out").GetInt32(),
            Width: OperatorFixtures.Config(fixture, "width").GetInt32(), Modes1: modes[0], Modes2: modes[1], Modes3: modes[2],
            Layers: OperatorFixtures.Config(fixture, "layers").GetInt32(),
            ProjectionWidth: OperatorFixtures.Config(fixture, "projection").GetInt32());
        var model = OperatorFixtures.Load(new Fno3d(options), fixture);
        SpectralFixtures.AssertClose(OperatorFixtures.Output(fixture), model.forward(OperatorFixtures.Input(fixture)), 1e-10);
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        var model = new Fno3d(new Fno3dOptions(1, 1, Width: 2, Modes1: 2, Modes2: 1, Modes3: 2, Layers: 1, ProjectionWidth: 3));
        model.to(ScalarType.Float64);
        var x = GradientCheck.Random(31, 1, 1, 4, 3, 4);
        var weights = ModelChecks.Weights(32, [1, 1, 4, 3, 4]);
        GradientCheck.AssertMatchesFiniteDifferences(input => (model.forward(input) * weights).sum(), x);
        ModelChecks.AssertParameterGradient(model, "spectral.0.weight", () => (model.forward(x) * weights).sum(), [1, 9, 30]);
    }

    [Fact]
    public void SaveLoadRoundTripReproducesTheOutputs()
    {
        var options = new Fno3dOptions(1, 1, Width: 3, Modes1: 2, Modes2: 2, Modes3: 2, Layers: 2, ProjectionWidth: 4);
        ModelChecks.AssertSaveLoadRoundTrip(new Fno3d(options), new Fno3d(options), GradientCheck.Random(33, 1, 1, 6, 4, 5).to(ScalarType.Float32));
    }
}
