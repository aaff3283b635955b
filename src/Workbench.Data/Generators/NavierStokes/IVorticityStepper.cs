using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>A time integrator of the vorticity equation on the spectra of a <see cref="Workbench.Spectral.Pde.PeriodicGrid"/>.</summary>
public interface IVorticityStepper : IDisposable
{
    /// <summary>Advances a batch of spectra [B, S, S/2 + 1] by one step, in place.</summary>
    void Step(Tensor vorticityHat);
}
