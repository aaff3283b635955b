using Workbench.Core.Runtime;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// McWilliams' initial vorticity on (0, 2 pi)^2: white noise (sample j from the seed-derived stream "mcwilliams:j",
/// drawn on the CPU) shaped in Fourier space so that |psi_hat|^2 ~ k^-1 (tau^2 + (k/k0)^4)^-1, restricted to the
/// 2/3-rule modes (so the de-aliased advection conserves energy exactly and the flow starts resolved), w = -Lap psi,
/// then scaled to unit kinetic energy (1/2) mean(u^2 + v^2) = 1.
/// </summary>
public static class McWilliamsInitialCondition
{
    /// <summary>Spectra [B, S, S/2 + 1] (complex128) on <paramref name="device"/>.</summary>
    public static Tensor SampleSpectrum(McWilliamsOptions options, long seed, IReadOnlyList<long> indices, Device device)
    {
        using var scope = NewDisposeScope();
        var size = options.SolverResolution;
        using var grid = new PeriodicGrid(size, 2 * Math.PI, CPU);
        var noise = new Tensor[indices.Count];
        for (var b = 0; b < indices.Count; b++)
        {
            using var generator = Determinism.Generator(seed, $"mcwilliams:{indices[b]}");
            noise[b] = randn([size, size], float64, CPU, generator: generator);
        }
        var k = grid.KappaSquared.sqrt();
        var shape = (k.pow(-1) / ((k / options.PeakWavenumber).pow(4) + options.SpectrumTau * options.SpectrumTau)).sqrt();
        shape = shape.where(k.gt(0), zeros_like(k)) * grid.Dealias;
        var psiHat = grid.ToSpectrum(stack(noise)) * shape;
        var vorticityHat = psiHat * grid.KappaSquared;
        var energy = FlowStatistics.KineticEnergy(grid.ToPhysical(vorticityHat), grid.Length);
        return (vorticityHat / energy.sqrt().reshape(-1, 1, 1)).to(device).MoveToOuterDisposeScope();
    }
}
