using System.Globalization;
using Workbench.Core.Errors;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// The FNO Navier-Stokes recipe's knobs. Times are in the flow's time units. The flow is first integrated unrecorded
/// for WarmupTime (0 in the FNO recipe; the Spectral-Refiner protocol warms up), then snapshots are taken at
/// t = WarmupTime + i RecordEvery, i = 0..Horizon / RecordEvery, so a trajectory has Horizon / RecordEvery + 1 frames.
/// </summary>
public sealed record NavierStokesOptions : IFlowRecipe
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

    public string Generator => NavierStokesGenerator.Name;
    public double Length => 1.0;
    public int StepsPerRecord => (int)Math.Round(RecordEvery / TimeStep);
    public int RecordCount => (int)Math.Round(Horizon / RecordEvery);
    public int FrameCount => RecordCount + 1;
    public int WarmupSteps => (int)Math.Round(WarmupTime / TimeStep);
    public long TotalSteps => WarmupSteps + (long)StepsPerRecord * RecordCount;

    public void Validate()
    {
        FlowRecipeChecks.Common(this);
        if (!(RecordEvery > 0) || !FlowRecipeChecks.IsWholeMultiple(RecordEvery, TimeStep))
            throw new WorkbenchException($"--record-every: expected a positive whole multiple of the time step {TimeStep}, got {RecordEvery}.");
        if (!(Horizon > 0) || !FlowRecipeChecks.IsWholeMultiple(Horizon, RecordEvery))
            throw new WorkbenchException($"--horizon: expected a positive whole multiple of the record interval {RecordEvery}, got {Horizon}.");
    }

    /// <summary>The FNO initial condition: <see cref="GaussianRandomField"/> fields, transformed.</summary>
    public Tensor InitialSpectrum(PeriodicGrid grid, long seed, IReadOnlyList<long> indices) =>
        grid.ToSpectrum(GaussianRandomField.Sample(seed, indices, SolverResolution, grid.Device));

    /// <summary>Crank-Nicolson with the FNO forcing.</summary>
    public IVorticityStepper CreateStepper(PeriodicGrid grid) => new CrankNicolsonStepper(grid, Viscosity, TimeStep, VorticityForcing.Fno(grid));

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, string> Provenance(long seed)
    {
        var parameters = FlowProvenance.CommonParameters(this);
        parameters["horizon"] = Horizon;
        parameters["record_every"] = RecordEvery;
        parameters["warmup_time"] = WarmupTime;
        parameters["downsampling"] = FlowProvenance.Name(Downsampling);
        parameters["grf_alpha"] = GaussianRandomField.Alpha;
        parameters["grf_tau"] = GaussianRandomField.Tau;
        parameters["forcing"] = "0.1 (sin 2 pi (x+y) + cos 2 pi (x+y))";
        return FlowProvenance.Create(this, seed, parameters,
            "FNO recipe: vorticity form on the unit torus, GRF initial condition N(0, 7^3 (-Lap + 49)^-2.5), "
            + "pseudo-spectral Crank-Nicolson with explicit advection and 2/3 de-aliasing, float64; sample j drawn from "
            + "seed-derived stream 'ns:j'; frame i is t = warmup_time + i * record_every; task: frames 1..10 -> 11..T");
    }
}
