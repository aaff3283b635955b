using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Fno;
using Workbench.Models.Operators.Sfno;
using Workbench.Spectral.Pde;
using Workbench.Spectral.Sobolev;
using static TorchSharp.torch;

namespace Workbench.Training.Refine;

/// <summary>One sample under refinement: its input, ground truth (if any), frozen latent, own output layer and that layer's optimiser.</summary>
public sealed record RefinedSample(Tensor Input, Tensor? Truth, Tensor Latent, SpectralConv Layer, OptimizerHelper Optimizer);

/// <summary>One refinement iteration, averaged over the samples (per-sample values alongside).</summary>
public sealed record RefinementStep(int Iteration, double Residual, double RelativeL2, double[] SampleResiduals, double[] SampleRelativeL2);

/// <summary>
/// Spectral-Refiner fine-tuning (REFERENCES section 4): the trained SFNO is frozen up to its reduction layer and its
/// latent evaluated once; each sample gets its own untruncated output layer (every wavenumber of its grid), initialised
/// from the trained output layer in the low corners and zero elsewhere, so iteration 0 reproduces the trained model
/// (or, for comparison, a copy of the trained layer with its truncation).
/// Only that layer is optimised (<see cref="RefinerOptimizer"/>) on the Bochner H^s norm of the vorticity-equation residual of the predicted
/// trajectory, the last input frames serving as the time scheme's history (or, with the forecast window, its own first
/// frames). The ground truth, when given, is only measured (relative L2 per iteration), never used by the optimiser.
/// </summary>
public sealed class SpectralRefiner
{
    private readonly Sfno _model;
    private readonly VorticityResidual _equation;
    private readonly BochnerSpace _norm;
    private readonly bool _untruncated;
    private readonly RefineObjective _objective;
    private readonly ResidualWindow _window;

    public SpectralRefiner(Sfno model, VorticityResidual equation, BochnerSpace norm, bool untruncated = true,
        RefineObjective objective = RefineObjective.Residual, ResidualWindow window = ResidualWindow.Input)
    {
        _untruncated = untruncated;
        _objective = objective;
        _window = window;
        if (window == ResidualWindow.Input && equation.History > model.Options.InputSteps)
            throw new WorkbenchException($"refine: {equation.Scheme} needs {equation.History} frames of history, the model sees {model.Options.InputSteps}.");
        _model = model;
        _equation = equation;
        _norm = norm;
    }

    /// <summary>The trained model whose output layer is refined.</summary>
    public Sfno Model => _model;

    /// <summary>
    /// The untruncated output layer for an output layer reading X x Y x T and writing <paramref name="outSteps"/> frames: weights for
    /// all X/2 x Y/2 wavenumbers per side and min(T/2+1, outSteps/2+1) in t, the trained ones copied into place.
    /// </summary>
    public static SpectralConv Untruncated(SpectralConv trained, long x, long y, long t, long outSteps)
    {
        var (mx, my, mt) = (x / 2, y / 2, Math.Min(t / 2 + 1, outSteps / 2 + 1));
        var source = trained.Weight.detach();
        var modes = trained.Modes;
        var (kx, ky, kt) = (Math.Min(modes[0], mx), Math.Min(modes[1], my), Math.Min(modes[2], mt));
        using var weights = zeros([2 * mx, 2 * my, mt, trained.InChannels, trained.OutChannels, 2], source.dtype, source.device);
        foreach (var (sourceRows, targetRows) in Corners(modes[0], mx, kx))
        foreach (var (sourceColumns, targetColumns) in Corners(modes[1], my, ky))
        {
            using var block = source.narrow(0, sourceRows, kx).narrow(1, sourceColumns, ky).narrow(2, 0, kt);
            using var target = weights.narrow(0, targetRows, kx).narrow(1, targetColumns, ky).narrow(2, 0, kt);
            target.copy_(block);
        }
        return new SpectralConv(weights, trained.Normalization);
    }

    /// <summary>Start rows of the non-negative and negative corners in a 2m block (source) and a 2M block (target).</summary>
    private static (long Source, long Target)[] Corners(long m, long big, long kept) => [(0, 0), (2 * m - kept, 2 * big - kept)];

    /// <summary>
    /// Refines every sample of <paramref name="inputs"/> [S, T_in, X, Y] for <paramref name="iterations"/> optimiser steps,
    /// reporting iteration 0 (the trained model) and each step after. Returns the refined predictions [S, T_out, X, Y].
    /// </summary>
    public Tensor Run(Tensor inputs, Tensor? truth, int iterations, RefinerOptimizer optimizer, Action<RefinementStep> report)
    {
        if (iterations < 0) throw new WorkbenchException($"refine: expected a non-negative iteration count, got {iterations}.");
        var samples = Start(inputs, truth, optimizer);
        for (var iteration = 0; iteration <= iterations; iteration++) report(Iterate(samples, iteration, step: iteration < iterations));
        return Predict(samples);
    }

    /// <summary>
    /// Freezes the trained model and gives each sample of <paramref name="inputs"/> [S, T_in, X, Y] its latent, its own
    /// output layer and its optimiser.
    /// </summary>
    public IReadOnlyList<RefinedSample> Start(Tensor inputs, Tensor? truth, RefinerOptimizer optimizer)
    {
        if (_objective == RefineObjective.Truth && truth is null) throw new WorkbenchException("refine: the truth objective needs the ground truth.");
        _model.eval();
        foreach (var parameter in _model.parameters()) parameter.requires_grad_(false);
        var samples = new List<RefinedSample>();
        for (var s = 0; s < inputs.shape[0]; s++)
        {
            var input = inputs.narrow(0, s, 1);
            Tensor latent;
            using (no_grad()) latent = _model.Latent(input).detach();
            var (read, written) = _model.OutputWindow(latent.shape[4]);
            var layer = _untruncated
                ? Untruncated(_model.OutputLayer, latent.shape[2], latent.shape[3], read, written)
                : new SpectralConv(_model.OutputLayer.Weight, _model.OutputLayer.Normalization);
            samples.Add(new RefinedSample(input, truth?.narrow(0, s, 1), latent, layer, optimizer.Create(layer.parameters())));
        }
        return samples;
    }

    /// <summary>
    /// Measures every sample's forecast (iteration <paramref name="iteration"/>: the layers after that many steps) and,
    /// when <paramref name="step"/>, takes each layer's next optimiser step from the same evaluation.
    /// </summary>
    public RefinementStep Iterate(IReadOnlyList<RefinedSample> samples, int iteration, bool step)
    {
        var residuals = new double[samples.Count];
        var errors = new double[samples.Count];
        for (var s = 0; s < samples.Count; s++)
        {
            using var scope = NewDisposeScope();
            var sample = samples[s];
            var (prediction, residual, loss) = Evaluate(sample);
            residuals[s] = residual.to(ScalarType.Float64).item<double>();
            errors[s] = sample.Truth is null ? double.NaN : RelativeL2(prediction, sample.Truth);
            if (!step) continue;
            sample.Optimizer.zero_grad();
            loss.backward();
            sample.Optimizer.step();
        }
        return new RefinementStep(iteration, residuals.Average(), errors.Average(), residuals, errors);
    }

    /// <summary>The forecasts [S, T_out, X, Y] of the samples' layers as they stand.</summary>
    public Tensor Predict(IReadOnlyList<RefinedSample> samples)
    {
        using var final = no_grad();
        return cat(samples.Select(sample => _model.Head(sample.Layer, sample.Latent, sample.Input)).ToArray(), 0);
    }

    /// <summary>One sample's forecast, the norm of its residual and the objective (the residual, or the error to the truth).</summary>
    private (Tensor Prediction, Tensor Residual, Tensor Loss) Evaluate(RefinedSample state)
    {
        var (prediction, residual) = PredictAndMeasure(state);
        var loss = _objective == RefineObjective.Residual ? residual : (prediction - state.Truth!).norm() / state.Truth!.norm();
        return (prediction, residual, loss);
    }

    /// <summary>
    /// One sample's forecast and the norm of its residual. With the Fourier scheme a padded head is differentiated over
    /// its whole period, where it is a trigonometric polynomial, so d_t is exact; otherwise as <see cref="ResidualNorm"/>.
    /// </summary>
    private (Tensor Prediction, Tensor Residual) PredictAndMeasure(RefinedSample state)
    {
        if (_equation.Scheme != TimeDerivative.Fourier || !_model.Options.TemporalPadding)
        {
            var prediction = _model.Head(state.Layer, state.Latent, state.Input);
            return (prediction, ResidualNorm(state.Input, prediction).sum());
        }
        var period = _model.HeadPeriod(state.Layer, state.Latent, state.Input);
        var steps = _model.Options.OutputSteps;
        var forecast = period.narrow(1, period.shape[1] - steps, steps);
        return (forecast, _norm.Norm(_equation.Evaluate(period).narrow(-3, period.shape[1] - steps, steps)).sum());
    }

    /// <summary>
    /// The Bochner norm of the residual of [history frames of the input, prediction] (of the prediction alone with the
    /// forecast window): one value per sample.
    /// </summary>
    public Tensor ResidualNorm(Tensor input, Tensor prediction)
    {
        var history = _window == ResidualWindow.Input ? _equation.History : 0;
        var trajectory = history == 0 ? prediction : cat([input.narrow(1, input.shape[1] - history, history), prediction], 1);
        return _norm.Norm(_equation.Evaluate(trajectory));
    }

    /// <summary>||prediction - truth||_2 / ||truth||_2 over all frames and points of one sample.</summary>
    public static double RelativeL2(Tensor prediction, Tensor truth)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        return ((prediction - truth).norm() / truth.norm()).to(ScalarType.Float64).item<double>();
    }
}
