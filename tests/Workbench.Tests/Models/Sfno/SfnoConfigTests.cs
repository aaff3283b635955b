using Workbench.Core.Errors;
using Workbench.Models.Operators.Sfno;
using Workbench.Training.Config;

namespace Workbench.Tests.Models.Sfno;

public sealed class SfnoConfigTests
{
    [Fact]
    public void TheCommittedExperimentSelectsTheSfnoWithItsOptions()
    {
        var path = Path.Combine(FixturePaths.Root, "..", "..", "experiments", "ns2d-sfno.json");
        var config = ExperimentConfigLoader.Load(path);
        var model = Assert.IsType<SfnoOptions>(config.Model);
        Assert.Equal((10, 40, 5, 10, true), (model.InputSteps, model.OutputSteps, model.ModesT, model.OutputModesT, model.TemporalPadding));
        Assert.Null(model.CheckShapes([10, 64, 64], [40, 64, 64]));
        Assert.NotNull(model.CheckShapes([10, 64, 64], [40, 32, 64]));
    }

    [Fact]
    public void NonPositiveOptionsAreConfigErrors()
    {
        var text = """
            { "name": "x", "model": { "kind": "sfno", "modes_t": 0 }, "data": { "builtin": "heat-smoothing-1d", "train": "0:8", "validation": "8:10" } }
            """;
        var error = Assert.ThrowsAny<WorkbenchException>(() => ExperimentConfigLoader.Parse(text, "inline"));
        Assert.Contains("model.modes_t: expected a positive integer, got 0", error.Message);
    }
}
