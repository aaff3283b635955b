using Workbench.Core.Errors;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// McWilliams decaying turbulence on (0, 2 pi)^2 (Spectral-Refiner's second benchmark). The flow is integrated from
/// t = 0 to <c>WarmupTime</c> unrecorded, then recorded every (EndTime - WarmupTime) / Snapshots, giving
/// Snapshots + 1 frames at t = WarmupTime .. EndTime (frame 0 is the end of the warm-up).
/// </summary>
public sealed record McWilliamsOptions : IFlowRecipe
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

    public string Generator => McWilliamsGenerator.Name;
    public double Length => 2 * Math.PI;
    public double RecordEvery => (EndTime - WarmupTime) / Snapshots;
    public int RecordCount => Snapshots;
    public int WarmupSteps => (int)Math.Round(WarmupTime / TimeStep);
    public int StepsPerRecord => (int)Math.Round(RecordEvery / TimeStep);
    public int FrameCount => Snapshots + 1;

    public void Validate()
    {
        FlowRecipeChecks.Common(this);
        if (Snapshots <= 0) throw new WorkbenchException($"--snapshots: expected a positive count, got {Snapshots}.");
        if (!(EndTime > WarmupTime) || !FlowRecipeChecks.IsWholeMultiple(RecordEvery, TimeStep))
            throw new WorkbenchException($"--end-time: expected (end - warmup) / snapshots to be a whole multiple of the time step {TimeStep}, got end {EndTime}.");
        if (!(PeakWavenumber > 0) || !(SpectrumTau > 0))
            throw new WorkbenchException($"McWilliams spectrum: expected positive k0 and tau, got {PeakWavenumber} and {SpectrumTau}.");
    }

    public Tensor InitialSpectrum(PeriodicGrid grid, long seed, IReadOnlyList<long> indices) =>
        McWilliamsInitialCondition.SampleSpectrum(this, seed, indices, grid.Device);

    /// <summary>Classical RK4, no forcing.</summary>
    public IVorticityStepper CreateStepper(PeriodicGrid grid) => new RungeKutta4Stepper(grid, Viscosity, TimeStep);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Provenance(long seed)
    {
        var parameters = FlowProvenance.CommonParameters(this);
        parameters["warmup_time"] = WarmupTime;
        parameters["end_time"] = EndTime;
        parameters["snapshots"] = Snapshots;
        parameters["downsampling"] = FlowProvenance.Name(Downsampling);
        parameters["peak_wavenumber"] = PeakWavenumber;
        parameters["spectrum_tau"] = SpectrumTau;
        return FlowProvenance.Create(this, seed, parameters,
            "McWilliams decaying turbulence on (0, 2 pi)^2, no forcing: white noise shaped to |psi_hat|^2 ~ "
            + "k^-1 (tau^2 + (k/k0)^4)^-1 on the 2/3-rule modes, unit kinetic energy; pseudo-spectral RK4, 2/3 de-aliasing, "
            + "float64; sample j drawn from seed-derived stream 'mcwilliams:j'; frame i is t = warmup + i (end - warmup) / snapshots");
    }
}
