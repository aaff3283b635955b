using Workbench.Core.Errors;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// McWilliams decaying turbulence on (0, 2 pi)^2 (Spectral-Refiner's second benchmark). The flow is integrated from
/// t = 0 to <c>WarmupTime</c> unrecorded, then recorded every (EndTime - WarmupTime) / Snapshots, giving
/// Snapshots + 1 frames at t = WarmupTime .. EndTime (frame 0 is the end of the warm-up).
/// </summary>
public sealed record McWilliamsOptions
{
    public double Viscosity { get; init; } = 1e-3;
    public int SolverResolution { get; init; } = 256;
    public int OutputResolution { get; init; } = 256;
    public double TimeStep { get; init; } = 1e-3;
    public double WarmupTime { get; init; } = 4.5;
    public double EndTime { get; init; } = 10;
    public int Snapshots { get; init; } = 100;
    public int BatchSize { get; init; } = 8;
    public Downsampling Downsampling { get; init; } = Downsampling.SpectralTruncation;
    /// <summary>Peak wavenumber k0 of the initial stream-function spectrum.</summary>
    public double PeakWavenumber { get; init; } = 4;
    /// <summary>tau of the initial spectrum |psi_hat|^2 ~ k^-1 (tau^2 + (k/k0)^4)^-1.</summary>
    public double SpectrumTau { get; init; } = 1;

    public double RecordEvery => (EndTime - WarmupTime) / Snapshots;
    public int WarmupSteps => (int)Math.Round(WarmupTime / TimeStep);
    public int StepsPerRecord => (int)Math.Round(RecordEvery / TimeStep);
    public int FrameCount => Snapshots + 1;

    public void Validate()
    {
        if (!(Viscosity > 0)) throw new WorkbenchException($"--viscosity: expected a positive number, got {Viscosity}.");
        if (SolverResolution < 4 || SolverResolution % 2 != 0)
            throw new WorkbenchException($"--solver-resolution: expected an even size of at least 4, got {SolverResolution}.");
        if (OutputResolution < 2 || OutputResolution % 2 != 0 || OutputResolution > SolverResolution)
            throw new WorkbenchException($"--resolution: expected an even size between 2 and the solver resolution {SolverResolution}, got {OutputResolution}.");
        if (Downsampling == Downsampling.Subsample && SolverResolution % OutputResolution != 0)
            throw new WorkbenchException($"--resolution: subsampling needs a divisor of the solver resolution {SolverResolution}, got {OutputResolution}.");
        if (!(TimeStep > 0)) throw new WorkbenchException($"--dt: expected a positive time step, got {TimeStep}.");
        if (Snapshots <= 0) throw new WorkbenchException($"--snapshots: expected a positive count, got {Snapshots}.");
        if (!(WarmupTime >= 0) || (WarmupTime > 0 && !NavierStokesOptions.IsWholeMultiple(WarmupTime, TimeStep)))
            throw new WorkbenchException($"--warmup: expected a non-negative whole multiple of the time step {TimeStep}, got {WarmupTime}.");
        if (!(EndTime > WarmupTime) || !NavierStokesOptions.IsWholeMultiple(RecordEvery, TimeStep))
            throw new WorkbenchException($"--end-time: expected (end - warmup) / snapshots to be a whole multiple of the time step {TimeStep}, got end {EndTime}.");
        if (BatchSize <= 0) throw new WorkbenchException($"--batch-size: expected a positive count, got {BatchSize}.");
        if (!(PeakWavenumber > 0) || !(SpectrumTau > 0))
            throw new WorkbenchException($"McWilliams spectrum: expected positive k0 and tau, got {PeakWavenumber} and {SpectrumTau}.");
    }
}
