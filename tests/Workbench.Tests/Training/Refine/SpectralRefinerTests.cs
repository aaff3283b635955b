using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Sfno;
using Workbench.Spectral.Pde;
using Workbench.Spectral.Sobolev;
using Workbench.Tests.Spectral;
using Workbench.Training.Config;
using Workbench.Training.Refine;
using static TorchSharp.torch;
using SfnoModel = Workbench.Models.Operators.Sfno.Sfno;

namespace Workbench.Tests.Training.Refine;

[Collection(TrainingRunCollection.Name)]
public sealed class SpectralRefinerTests
{
    private static readonly SfnoOptions Tiny = new(InputSteps: 4, OutputSteps: 6, Width: 4, Modes1: 2, Modes2: 2, ModesT: 2,
        LatentSteps: 4, Layers: 2, TemporalBases: 1, Expansion: 2, ProjectionWidth: 4, OutputModes1: 2, OutputModes2: 2, OutputModesT: 2);

    /// <summary>Decaying Taylor-Green frames on the FNO forcing's steady response (an exact solution), [1, frames, n, n].</summary>
    private static Tensor TaylorGreen(int n, int frames, double dt, double start)
    {
        var lambda = 1e-3 * 8 * Math.PI * Math.PI;
        var x = arange(n, ScalarType.Float64).div(n).reshape(n, 1);
        var y = arange(n, ScalarType.Float64).div(n).reshape(1, n);
        var phase = (x + y) * (2 * Math.PI);
        var mode = (x * (2 * Math.PI)).cos() * (y * (2 * Math.PI)).cos() * 2;
        var t = arange(frames, ScalarType.Float64).mul(dt).add(start).reshape(frames, 1, 1);
        return ((phase.sin() + phase.cos()) * (0.1 / lambda) + mode * (t * -lambda).exp()).unsqueeze(0);
    }

    private static SpectralRefiner Refiner(SfnoModel model) => new(model,
        new VorticityResidual(1e-3, 0.5, TimeDerivative.Bdf2, ForcingKind.Fno), new BochnerSpace(new SobolevSpace(-1)));

    [Theory]
    [InlineData(false, 4, 6, 3)]
    [InlineData(true, 10, 14, 6)]
    public void TheUntruncatedLayerStartsAsTheTrainedModel(bool padded, long read, long written, long modesT)
    {
        manual_seed(61);
        var model = new SfnoModel(Tiny with { TemporalPadding = padded });
        model.to(ScalarType.Float64);
        var input = GradientCheck.Random(62, 2, 4, 12, 10);
        using var _ = no_grad();
        var latent = model.Latent(input);
        Assert.Equal((read, written), model.OutputWindow(latent.shape[^1]));
        var layer = SpectralRefiner.Untruncated(model.OutputLayer, 12, 10, read, written);
        Assert.Equal(new long[] { 12, 10, modesT, 1, 1, 2 }, layer.Weight.shape);
        SpectralFixtures.AssertClose(model.forward(input), model.Head(layer, latent, input), 1e-12);
    }

    [Theory]
    [InlineData(RefinerOptimizerKind.Adam, 3e-2, 0, TimeDerivative.Bdf2)]
    [InlineData(RefinerOptimizerKind.Sgd, 0.1, 0.9, TimeDerivative.Bdf2)]
    [InlineData(RefinerOptimizerKind.Adam, 3e-2, 0, TimeDerivative.Fourier)]
    public void OnlyTheNewLayerChangesAndTheResidualFalls(RefinerOptimizerKind kind, double lr, double momentum, TimeDerivative scheme)
    {
        manual_seed(63);
        var model = new SfnoModel(Tiny);
        model.to(ScalarType.Float64);
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        var input = TaylorGreen(12, 4, 0.5, 0);
        var truth = TaylorGreen(12, 6, 0.5, 2);
        var steps = new List<RefinementStep>();

        var refiner = new SpectralRefiner(model, new VorticityResidual(1e-3, 0.5, scheme, ForcingKind.Fno), new BochnerSpace(new SobolevSpace(-1)));
        var refined = refiner.Run(input, truth, 20, new RefinerOptimizer(kind, lr, momentum), steps.Add);

        foreach (var (name, parameter) in model.named_parameters())
            Assert.True(parameter.equal(before[name]).all().item<bool>(), $"{name} changed during refinement");
        using (no_grad())
            Assert.True((refined - model.forward(input)).abs().max().item<double>() > 1e-3, "the refined output equals the trained one");
        Assert.Equal(Enumerable.Range(0, 21), steps.Select(s => s.Iteration));
        Assert.True(steps[^1].Residual < 0.7 * steps[0].Residual, $"residual {steps[0].Residual} -> {steps[^1].Residual}");
        Assert.All(steps, s => Assert.False(double.IsNaN(s.RelativeL2)));
    }

    [Fact]
    public void TheTruthObjectiveFitsTheSameLayerToTheGroundTruth()
    {
        manual_seed(66);
        var model = new SfnoModel(Tiny);
        model.to(ScalarType.Float64);
        var steps = new List<RefinementStep>();
        var refiner = new SpectralRefiner(model, new VorticityResidual(1e-3, 0.5, TimeDerivative.Bdf2, ForcingKind.Fno),
            new BochnerSpace(new SobolevSpace(-1)), objective: RefineObjective.Truth);
        var input = TaylorGreen(12, 4, 0.5, 0);
        refiner.Run(input, TaylorGreen(12, 6, 0.5, 2), 20, new RefinerOptimizer(RefinerOptimizerKind.Adam, 3e-2), steps.Add);
        Assert.True(steps[^1].RelativeL2 < 0.5 * steps[0].RelativeL2, $"relative L2 {steps[0].RelativeL2} -> {steps[^1].RelativeL2}");
        var error = Assert.Throws<WorkbenchException>(() => refiner.Run(input, null, 1, new RefinerOptimizer(RefinerOptimizerKind.Adam, 1e-3), _ => { }));
        Assert.Contains("needs the ground truth", error.Message);
    }

    [Fact]
    public void TheTruncatedVariantRefinesACopyOfTheTrainedLayer()
    {
        manual_seed(65);
        var model = new SfnoModel(Tiny);
        model.to(ScalarType.Float64);
        var trained = model.OutputLayer.Weight.detach().clone();
        var steps = new List<RefinementStep>();
        var refiner = new SpectralRefiner(model, new VorticityResidual(1e-3, 0.5, TimeDerivative.Bdf2, ForcingKind.Fno),
            new BochnerSpace(new SobolevSpace(-1)), untruncated: false);
        var input = TaylorGreen(12, 4, 0.5, 0);
        var refined = refiner.Run(input, TaylorGreen(12, 6, 0.5, 2), 10, new RefinerOptimizer(RefinerOptimizerKind.Adam, 3e-2), steps.Add);
        Assert.True(model.OutputLayer.Weight.equal(trained).all().item<bool>(), "the trained output layer changed");
        using (no_grad()) Assert.True((refined - model.forward(input)).abs().max().item<double>() > 1e-4);
        Assert.True(steps[^1].Residual < steps[0].Residual);
    }

    [Fact]
    public void TheForecastWindowMeasuresTheForecastAloneAndTheInputWindowPrependsTheHistory()
    {
        var equation = new VorticityResidual(1e-3, 0.5, TimeDerivative.Bdf2, ForcingKind.Fno);
        var norm = new BochnerSpace(new SobolevSpace(-1));
        var model = new SfnoModel(Tiny);
        var input = TaylorGreen(12, 4, 0.5, 0);
        // A forecast that jumps away from the input: its own frames are an exact solution, the junction is not.
        var forecast = TaylorGreen(12, 6, 0.5, 2) + 0.3;

        var alone = new SpectralRefiner(model, equation, norm, window: ResidualWindow.Forecast).ResidualNorm(input, forecast);
        var joined = new SpectralRefiner(model, equation, norm).ResidualNorm(input, forecast);

        SpectralFixtures.AssertClose(norm.Norm(equation.Evaluate(forecast)), alone, 1e-12);
        SpectralFixtures.AssertClose(norm.Norm(equation.Evaluate(cat([input.narrow(1, 2, 2), forecast], 1))), joined, 1e-12);
        Assert.True(alone.item<double>() < 1e-4 && joined.item<double>() > 0.1, $"forecast window {alone.item<double>()}, input window {joined.item<double>()}");
    }

    [Fact]
    public void WithoutGroundTruthTheErrorIsNotReported()
    {
        manual_seed(64);
        var model = new SfnoModel(Tiny);
        model.to(ScalarType.Float64);
        var steps = new List<RefinementStep>();
        Refiner(model).Run(TaylorGreen(8, 4, 0.5, 0), null, 2, new RefinerOptimizer(RefinerOptimizerKind.Adam, 1e-3), steps.Add);
        Assert.Equal(3, steps.Count);
        Assert.All(steps, s => Assert.True(double.IsNaN(s.RelativeL2)));
    }
}
