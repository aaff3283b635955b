using System.Globalization;
using Workbench.Core.Errors;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// The FNO Navier-Stokes recipe's knobs. Times are in the flow's time units. The flow is first integrated unrecorded
/// for WarmupTime (0 in the FNO recipe; the Spectral-Refiner protocol warms up), then snapshots are taken at
/// t = WarmupTime + i RecordEvery, i = 0..Horizon / RecordEvery, so a trajectory has Horizon / RecordEvery + 1 frames.
/// </summary>
public sealed record NavierStokesOptions
{
    public double Viscosity { get; init; } = 1e-3;
    public int SolverResolution { get; init; } = 256;
    public int OutputResolution { get; init; } = 64;
    public double TimeStep { get; init; } = 1e-4;
    public double Horizon { get; init; } = 50;
    public double RecordEvery { get; init; } = 1;
    public double WarmupTime { get; init; }
    public int BatchSize { get; init; } = 20;
    public Downsampling Downsampling { get; init; } = Downsampling.SpectralTruncation;

    /// <summary>The published recipe: 256^2, dt 1e-4, output 64^2, horizon 50 / 30 / 20 for nu = 1e-3 / 1e-4 / 1e-5.</summary>
    public static NavierStokesOptions FnoPreset(double viscosity) => new()
    {
        Viscosity = viscosity,
        Horizon = viscosity switch
        {
            1e-3 => 50,
            1e-4 => 30,
            1e-5 => 20,
            _ => throw new WorkbenchException($"--viscosity: the FNO presets are 1e-3, 1e-4 and 1e-5, got {viscosity.ToString(CultureInfo.InvariantCulture)}."),
        },
    };

    public int StepsPerRecord => (int)Math.Round(RecordEvery / TimeStep);
    public int RecordCount => (int)Math.Round(Horizon / RecordEvery);
    public int FrameCount => RecordCount + 1;
    public int WarmupSteps => (int)Math.Round(WarmupTime / TimeStep);
    public long TotalSteps => WarmupSteps + (long)StepsPerRecord * RecordCount;

    public void Validate()
    {
        if (!(Viscosity > 0) || double.IsInfinity(Viscosity)) throw new WorkbenchException($"--viscosity: expected a positive number, got {Viscosity}.");
        if (SolverResolution < 4 || SolverResolution % 2 != 0)
            throw new WorkbenchException($"--solver-resolution: expected an even size of at least 4, got {SolverResolution}.");
        if (OutputResolution < 2 || OutputResolution % 2 != 0 || OutputResolution > SolverResolution)
            throw new WorkbenchException($"--resolution: expected an even size between 2 and the solver resolution {SolverResolution}, got {OutputResolution}.");
        if (Downsampling == Downsampling.Subsample && SolverResolution % OutputResolution != 0)
            throw new WorkbenchException($"--resolution: subsampling needs a divisor of the solver resolution {SolverResolution}, got {OutputResolution}.");
        if (!(TimeStep > 0)) throw new WorkbenchException($"--dt: expected a positive time step, got {TimeStep}.");
        if (!(RecordEvery > 0) || !IsWholeMultiple(RecordEvery, TimeStep))
            throw new WorkbenchException($"--record-every: expected a positive whole multiple of the time step {TimeStep}, got {RecordEvery}.");
        if (!(Horizon > 0) || !IsWholeMultiple(Horizon, RecordEvery))
            throw new WorkbenchException($"--horizon: expected a positive whole multiple of the record interval {RecordEvery}, got {Horizon}.");
        if (!(WarmupTime >= 0) || (WarmupTime > 0 && !IsWholeMultiple(WarmupTime, TimeStep)))
            throw new WorkbenchException($"--warmup: expected a non-negative whole multiple of the time step {TimeStep}, got {WarmupTime}.");
        if (BatchSize <= 0) throw new WorkbenchException($"--batch-size: expected a positive count, got {BatchSize}.");
    }

    internal static bool IsWholeMultiple(double value, double unit)
    {
        var ratio = value / unit;
        return Math.Round(ratio) >= 1 && Math.Abs(ratio - Math.Round(ratio)) <= 1e-9 * Math.Max(1, ratio);
    }
}
