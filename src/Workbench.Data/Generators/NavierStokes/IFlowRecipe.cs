using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// One family of periodic vorticity trajectories, as <see cref="FlowTrajectories"/> generates them: the square's side,
/// the solver and output grids, the time step and record schedule, and the family's two strategies, how a batch of
/// samples starts (<see cref="InitialSpectrum"/>) and how it advances (<see cref="CreateStepper"/>). The flow is
/// integrated unrecorded for WarmupTime, then recorded: frame i is the field at t = WarmupTime + i RecordEvery,
/// i = 0..RecordCount.
/// </summary>
public interface IFlowRecipe
{
    /// <summary>The generator name recorded with the data.</summary>
    string Generator { get; }
    double Length { get; }
    double Viscosity { get; }
    int SolverResolution { get; }
    int OutputResolution { get; }
    Downsampling Downsampling { get; }
    double TimeStep { get; }
    double WarmupTime { get; }
    double RecordEvery { get; }
    int WarmupSteps { get; }
    int StepsPerRecord { get; }
    /// <summary>Recorded intervals: a trajectory has RecordCount + 1 frames.</summary>
    int RecordCount { get; }
    int BatchSize { get; }

    /// <summary>Throws a <see cref="Workbench.Core.Errors.WorkbenchException"/> naming the first invalid option.</summary>
    void Validate();

    /// <summary>
    /// Initial spectra [B, S, S/2 + 1] (complex128, on the grid's device) of the given samples; sample j depends on
    /// (seed, j) alone.
    /// </summary>
    Tensor InitialSpectrum(PeriodicGrid grid, long seed, IReadOnlyList<long> indices);

    IVorticityStepper CreateStepper(PeriodicGrid grid);

    /// <summary>What produced the data, as string attributes: generator, parameters (JSON), seed and the protocol.</summary>
    IReadOnlyDictionary<string, string> Provenance(long seed);
}
