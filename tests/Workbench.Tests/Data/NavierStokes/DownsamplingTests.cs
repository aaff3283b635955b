using Workbench.Data.Generators.NavierStokes;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Tests.Data.NavierStokes;

public sealed class DownsamplingTests
{
    /// <summary>A field of modes below the coarse Nyquist is reproduced exactly on the coarse grid by truncation.</summary>
    [Fact]
    public void Truncation_keeps_resolved_modes_exactly_and_removes_the_rest()
    {
        using var scope = NewDisposeScope();
        using var fine = new PeriodicGrid(32, 1.0, CPU);
        using var coarse = new PeriodicGrid(8, 1.0, CPU);
        Tensor Resolved(Tensor x, Tensor y) => (x * (2 * Math.PI)).sin() + ((x * 3 - y * 2) * (2 * Math.PI)).cos() * 0.5 + (y * (6 * Math.PI)).sin() * 0.25;
        Tensor Unresolved(Tensor x, Tensor y) => ((x * 4) * (2 * Math.PI)).cos() + ((x + y * 9) * (2 * Math.PI)).sin();
        var field = (FlowFields.OnGrid(fine, Resolved) + FlowFields.OnGrid(fine, Unresolved)).unsqueeze(0);
        var truncated = FieldDownsampler.Truncate(fine.ToSpectrum(field), 32, 8);
        Assert.True(FlowFields.MaxAbs(truncated[0] - FlowFields.OnGrid(coarse, Resolved)) < 1e-13);

        var subsampled = FieldDownsampler.FromSpectrum(fine.ToSpectrum(field), 32, 8, Downsampling.Subsample);
        Assert.True(FlowFields.MaxAbs(subsampled[0] - FlowFields.OnGrid(coarse, (x, y) => Resolved(x, y) + Unresolved(x, y))) < 1e-13);
    }
}
