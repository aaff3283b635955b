using Workbench.Data.Generators.NavierStokes;
using Workbench.Spectral.Pde;
using Workbench.Spectral.Sobolev;
using Workbench.Training.Refine;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Workbench.Tests.Training.Refine;

/// <summary>
/// The residual the GPU refinement descends (equation and norm of experiments/ns2d-sfno-refine-gpu.json) measured on
/// the data generator's own trajectory at the GPU data recipe (experiments/ns2d-sfno-gpu.sh: nu 1e-3, solver step
/// 1e-3, 5 time units of warm-up, frames 0.1 apart), solved and stored at 64^2 instead of 256^2 to run in seconds.
/// Frames are recorded every 0.05 so that the refiner's 0.1 frames are every other one and d_t^3 w has a central
/// difference. For a trajectory that solves the equation the BDF2 residual is its truncation error,
/// -(h^2 / 3) d_t^3 w + O(h^3); a mismatch in viscosity, forcing or frame spacing adds a term of its own.
/// </summary>
public sealed class GeneratedTrajectoryResidualTests(ITestOutputHelper output)
{
    private const double Spacing = 0.1;
    private const double FineSpacing = 0.05;

    private static readonly NavierStokesOptions GpuRecipeAt64 = new()
    {
        Viscosity = 1e-3, SolverResolution = 64, OutputResolution = 64, TimeStep = 1e-3, WarmupTime = 5,
        RecordEvery = FineSpacing, Horizon = 1.0, BatchSize = 2,
    };

    /// <summary>Frames t = 5 + 0.05 i, i = 0..20, of two samples, float32 as stored.</summary>
    private static readonly Lazy<Tensor> Trajectory = new(() => NavierStokesGenerator.Simulate(GpuRecipeAt64, 7, [0, 1]));

    private static RefineConfig GpuRefinement()
    {
        var config = RefineConfig.Load(Path.Combine(FixturePaths.Root, "..", "..", "experiments", "ns2d-sfno-refine-gpu.json"));
        Assert.Equal(Spacing, config.Equation.TimeStep);
        return config;
    }

    /// <summary>The stored frames 0.1 apart (every other fine frame), t = 5, 5.1, .., 6.</summary>
    private static Tensor Frames() => Trajectory.Value.index_select(1, arange(0, Trajectory.Value.shape[1], 2, ScalarType.Int64));

    /// <summary>Fine frames 4, 6, ..., 16 (t = 5.2 .. 5.8): two frames of BDF2 history behind them, two fine frames ahead.</summary>
    private static readonly long[] Instants = [4, 6, 8, 10, 12, 14, 16];

    /// <summary>The residual at <see cref="Instants"/>.</summary>
    private static Tensor ResidualAtInstants(EquationConfig equation)
    {
        var residual = equation.Build().Evaluate(Frames());
        var history = TimeDerivatives.History(equation.TimeDerivative);
        return residual.index_select(1, tensor(Instants.Select(i => i / 2 - history).ToArray()));
    }

    /// <summary>-(h^2 / 3) d_t^3 w at <see cref="Instants"/>, d_t^3 w by the central difference on the fine frames.</summary>
    private static Tensor LeadingTruncationError(double h)
    {
        var w = Trajectory.Value.to(ScalarType.Float64);
        Tensor At(long offset) => w.index_select(1, tensor(Instants.Select(i => i + offset).ToArray()));
        var third = (At(2) - At(1) * 2 + At(-1) * 2 - At(-2)) / (2 * Math.Pow(FineSpacing, 3));
        return third * (-h * h / 3);
    }

    private static double[] Values(Tensor t) => t.to(ScalarType.Float64).data<double>().ToArray();

    [Fact]
    public void TheRefinersResidualOfTheStoredTrajectoryIsTheBdf2TruncationError()
    {
        var config = GpuRefinement();
        var norm = config.Norm.Build(config.Equation.Length);
        var residual = ResidualAtInstants(config.Equation).to(ScalarType.Float64);
        var predicted = LeadingTruncationError(Spacing);
        var rate = TimeDerivatives.Evaluate(Frames().to(ScalarType.Float64), Spacing, TimeDerivative.Bdf2);

        var relative = Values(norm.Norm(residual) / norm.Norm(rate));
        var deviation = Values(norm.Norm(residual - predicted) / norm.Norm(residual));
        output.WriteLine($"||R|| = {string.Join(", ", Values(norm.Norm(residual)))}; ||R|| / ||d_t w|| = {string.Join(", ", relative)}; " +
                         $"||R + (h^2 / 3) d_t^3 w|| / ||R|| = {string.Join(", ", deviation)}");

        // What the leading term leaves is the float32 rounding of the stored frames (about 1e-7 |w| per frame, divided
        // by h in d_t and by 0.05^3 in the third difference) and the O(h^3) term.
        Assert.All(deviation, d => Assert.True(d < 0.5, $"the residual is not the BDF2 truncation error: relative deviation {d}"));
        Assert.All(relative, r => Assert.True(r < 2e-4, $"||R|| / ||d_t w|| = {r}"));
    }

    [Theory]
    [InlineData(1.01, 1.0, ForcingKind.Fno)]
    [InlineData(1.0, 1.01, ForcingKind.Fno)]
    [InlineData(1.0, 1.0, ForcingKind.None)]
    public void AMismatchInViscosityFrameSpacingOrForcingRaisesTheResidualTenfold(double viscosityFactor, double spacingFactor, ForcingKind forcing)
    {
        var config = GpuRefinement();
        var norm = config.Norm.Build(config.Equation.Length);
        var frames = Frames();
        var wrong = config.Equation with
        {
            Viscosity = config.Equation.Viscosity * viscosityFactor, TimeStep = config.Equation.TimeStep * spacingFactor, Forcing = forcing,
        };
        var growth = Values(norm.Norm(wrong.Build().Evaluate(frames)) / norm.Norm(config.Equation.Build().Evaluate(frames)));
        output.WriteLine($"residual growth: {string.Join(", ", growth)}");
        Assert.All(growth, g => Assert.True(g > 10, $"growth {g}"));
    }
}
