using System.Text.Json;
using Workbench.Core.Errors;
using Workbench.Spectral.Pde;
using Workbench.Spectral.Sobolev;
using Workbench.Training.Config;

namespace Workbench.Training.Refine;

/// <summary>The samples a refinement runs on: an HDF5 dataset (/inputs, /targets) and a "start:end" range.</summary>
public sealed record RefineDataConfig
{
    public required string Path { get; init; }
    public string Inputs { get; init; } = "/inputs";
    public string Targets { get; init; } = "/targets";
    public required string Samples { get; init; }
}

/// <summary>The vorticity equation the residual measures: nu, frame spacing, forcing, domain side and time scheme.</summary>
public sealed record EquationConfig
{
    public double Viscosity { get; init; } = 1e-3;
    public double TimeStep { get; init; } = 1;
    public ForcingKind Forcing { get; init; } = ForcingKind.Fno;
    public double Length { get; init; } = 1;
    public TimeDerivative TimeDerivative { get; init; } = TimeDerivative.Bdf2;

    public VorticityResidual Build() => new(Viscosity, TimeStep, TimeDerivative, Forcing, Length);
}

/// <summary>The Bochner norm L^2(0, T; H^s) of the residual; alpha defaults to 10^(-3/2).</summary>
public sealed record ResidualNormConfig
{
    public double S { get; init; } = -1;
    public double? Alpha { get; init; }

    public BochnerSpace Build(double length) => new(new SobolevSpace(S, Alpha, length));
}

/// <summary>
/// A Spectral-Refiner fine-tuning experiment (<c>workbench refine</c>): which samples, which equation and norm, how many
/// iterations of which optimiser (adam or sgd) at which learning rate, which trained run and which of its checkpoints to
/// start from, and how often to checkpoint the refinement.
/// </summary>
public sealed record RefineConfig
{
    public required string Name { get; init; }
    public required RefineDataConfig Data { get; init; }
    public EquationConfig Equation { get; init; } = new();
    public ResidualNormConfig Norm { get; init; } = new();
    public int Iterations { get; init; } = 100;
    public double Lr { get; init; } = 1e-4;
    public RefinerOptimizerKind Optimizer { get; init; } = RefinerOptimizerKind.Adam;
    public double Momentum { get; init; }
    public string Checkpoint { get; init; } = "best";
    /// <summary>False refines a copy of the trained output layer with its truncation instead of the untruncated one.</summary>
    public bool Untruncated { get; init; } = true;
    /// <summary>residual (the method) or truth: a supervised fit of the same layer, measuring how far it can reach.</summary>
    public RefineObjective Objective { get; init; } = RefineObjective.Residual;
    /// <summary>input (the method): the last input frames are the backward scheme's history; forecast: the forecast alone.</summary>
    public ResidualWindow Window { get; init; } = ResidualWindow.Input;
    /// <summary>The trained SFNO's run folder; the command line's --run wins, and a refinement run's config.json records it.</summary>
    public string? TrainedRun { get; init; }
    /// <summary>Iterations between two saves of checkpoints/last.ckpt (every sample's layer and optimiser state; the last iteration is always saved).</summary>
    public int CheckpointEvery { get; init; } = 10;

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.IndexOfAny(System.IO.Path.GetInvalidFileNameChars()) >= 0)
            yield return $"name: expected a non-empty name usable as a folder name, got '{Name}'";
        if (Iterations < 0) yield return $"iterations: expected a non-negative integer, got {Iterations}";
        if (CheckpointEvery < 1) yield return $"checkpoint_every: expected a positive integer, got {CheckpointEvery}";
        if (!(Lr > 0)) yield return $"lr: expected a positive number, got {Lr}";
        if (!(Momentum >= 0 && Momentum < 1)) yield return $"momentum: expected a number in [0, 1), got {Momentum}";
        if (Checkpoint is not ("best" or "last")) yield return $"checkpoint: expected 'best' or 'last', got '{Checkpoint}'";
        if (!(Equation.Viscosity >= 0)) yield return $"equation.viscosity: expected a non-negative number, got {Equation.Viscosity}";
        if (!(Equation.TimeStep > 0)) yield return $"equation.time_step: expected a positive number, got {Equation.TimeStep}";
        if (!(Equation.Length > 0)) yield return $"equation.length: expected a positive number, got {Equation.Length}";
        if (Norm.Alpha is { } a && !(a > 0)) yield return $"norm.alpha: expected a positive number, got {a}";
    }

    public static RefineConfig Load(string path)
    {
        if (!File.Exists(path)) throw new ConfigException($"{path}: file not found");
        RefineConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<RefineConfig>(File.ReadAllText(path), ExperimentConfigLoader.Json);
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{path}: {e.Message.ReplaceLineEndings(" ")}");
        }
        if (config is null) throw new ConfigException($"{path}: expected a JSON object");
        var problem = config.Problems().FirstOrDefault();
        if (problem is not null) throw new ConfigException($"{path}: {problem}");
        return config;
    }
}
