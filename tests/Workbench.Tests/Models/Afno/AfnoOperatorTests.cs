using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Afno;
using Workbench.Tests.Shared;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Afno;

public sealed class AfnoOperatorTests
{
    [Fact]
    public void MapsTheConstructionGridAndRejectsOthers()
    {
        var model = new AfnoOperator(new AfnoOptions(3, 2, GridX: 16, GridY: 8, EmbedDim: 16, Depth: 2, Blocks: 4, Patch: 4));
        Assert.Equal(new long[] { 2, 2, 16, 8 }, model.forward(randn(2, 3, 16, 8)).shape);
        Assert.Null(AfnoOperator.CheckShapes(model.Options, [3, 16, 8], [2, 16, 8]));
        var error = Assert.Throws<ArgumentException>(() => model.forward(randn(1, 3, 32, 16)));
        Assert.Contains("[B, 3, 16, 8] (the construction grid)", error.Message);
        Assert.Throws<WorkbenchException>(() => new AfnoOperator(new AfnoOptions(1, 1, GridX: 10, GridY: 8, Patch: 4)));
        Assert.Throws<WorkbenchException>(() => new AfnoOperator(new AfnoOptions(1, 1, EmbedDim: 12, Blocks: 8)));
    }

    [Fact]
    public void MatchesTheNumpyOracle()
    {
        var fixture = OperatorFixtures.Get("afno_operator");
        int Int(string key) => OperatorFixtures.Config(fixture, key).GetInt32();
        var grid = SpectralFixtures.Longs(fixture.GetProperty("config"), "grid");
        var options = new AfnoOptions(Int("in"), Int("out"), GridX: (int)grid[0], GridY: (int)grid[1], EmbedDim: Int("dim"),
            Depth: Int("depth"), Blocks: Int("blocks"), Patch: Int("patch"),
            ModeFraction: OperatorFixtures.Config(fixture, "fraction").GetDouble(),
            SparsityThreshold: OperatorFixtures.Config(fixture, "lambda").GetDouble(), HiddenFactor: Int("factor"), MlpRatio: Int("ratio"));
        var model = OperatorFixtures.Load(new AfnoOperator(options), fixture);
        SpectralFixtures.AssertClose(OperatorFixtures.Output(fixture), model.forward(OperatorFixtures.Input(fixture)), 1e-10);
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        var model = new AfnoOperator(new AfnoOptions(1, 1, GridX: 4, GridY: 4, EmbedDim: 4, Depth: 1, Blocks: 2, Patch: 2,
            SparsityThreshold: 0.001, MlpRatio: 2));
        model.to(ScalarType.Float64);
        ModelChecks.FillParameters(model, 54, 0.3);
        var x = GradientCheck.Random(51, 1, 1, 4, 4);
        var weights = ModelChecks.Weights(52, [1, 1, 4, 4]);
        GradientCheck.AssertMatchesFiniteDifferences(input => (model.forward(input) * weights).sum(), x);
        ModelChecks.AssertParameterGradient(model, "blocks.0.mixer.w2", () => (model.forward(x) * weights).sum(), [0, 7]);
        ModelChecks.AssertParameterGradient(model, "position", () => (model.forward(x) * weights).sum(), [3]);
    }

    [Fact]
    public void SaveLoadRoundTripReproducesTheOutputs()
    {
        var options = new AfnoOptions(2, 1, GridX: 8, GridY: 8, EmbedDim: 8, Depth: 2, Blocks: 2, Patch: 2, ModeFraction: 0.5);
        ModelChecks.AssertSaveLoadRoundTrip(new AfnoOperator(options), new AfnoOperator(options), GradientCheck.Random(53, 2, 2, 8, 8).to(ScalarType.Float32));
    }
}
