using Workbench.Core.Errors;
using Workbench.Data.Generators.NavierStokes;
using static TorchSharp.torch;

namespace Workbench.Tests.Data.NavierStokes;

public sealed class WarmupTests
{
    private static readonly NavierStokesOptions Tiny = new()
    {
        SolverResolution = 16, OutputResolution = 16, TimeStep = 1e-2, Horizon = 1.0, RecordEvery = 0.25, BatchSize = 2,
    };

    [Fact]
    public void A_warmup_drops_the_first_frames_of_the_unwarmed_trajectory()
    {
        using var scope = NewDisposeScope();
        var plain = NavierStokesGenerator.Simulate(Tiny with { Horizon = 1.5 }, 3, [0, 1]);
        var warmed = NavierStokesGenerator.Simulate(Tiny with { WarmupTime = 0.5 }, 3, [0, 1]);
        Assert.Equal([2, 5, 16, 16], warmed.shape);
        Assert.True(warmed.equal(plain.narrow(1, 2, 5)).all().item<bool>(), "frame i of the warmed run is frame i + 2 of the plain run");
        Assert.Equal(50 + 100, (Tiny with { WarmupTime = 0.5 }).TotalSteps);
    }

    [Fact]
    public void A_warmup_off_the_step_grid_is_rejected()
    {
        Assert.Throws<WorkbenchException>(() => (Tiny with { WarmupTime = 0.005 }).Validate());
        Assert.Throws<WorkbenchException>(() => (Tiny with { WarmupTime = -1 }).Validate());
    }
}
