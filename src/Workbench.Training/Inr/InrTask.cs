using System.Diagnostics;
using System.Text.Json.Nodes;
using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Runtime;
using Workbench.Models.Inr;
using Workbench.Training.Engine;
using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>
/// One fit as rounds of the <see cref="TrainingEngine"/>: round r takes the full-batch Adam steps (r - 1) E .. min(r E, S) - 1
/// (E = eval_every, S = steps) and scores the model after them, the points of the fit's curve. NSTR's transport residual
/// draws its point subsets from one generator across steps, listed in <see cref="Generators"/> so that the checkpoint
/// carries its state. The model is built from the seed before anything else and scored once untrained (the curve's step 0).
/// The task does not own the signal; it owns the model, which <see cref="TakeModel"/> hands over.
/// </summary>
public sealed class InrTask : ITrainingTask
{
    private readonly InrSignal _signal;
    private readonly InrFitSettings _settings;
    private readonly OptimizerHelper _optimizer;
    private readonly Generator _subsets;
    private nn.Module<Tensor, Tensor>? _model;

    public InrTask(string name, InrSignal signal, InrKind kind, long budget, InrFitSettings settings, long seed, NstrChoices? nstr = null)
    {
        (Name, _signal, Kind, Budget, _settings, Seed) = (name, signal, kind, budget, settings, seed);
        var options = ParameterBudget.Options(kind, InrTaskScale.ShapeOf(signal), budget, nstr is null ? null : nstr.Apply);
        using (var generator = Determinism.Generator(seed, $"inr-{kind}")) _model = InrFactory.Build(options, generator);
        _model.to(signal.TrainCoordinates.device);
        _optimizer = InrFitter.CreateOptimizer(kind, _model, settings.LearningRate ?? InrFitSettings.DefaultLearningRate(kind));
        _subsets = new Generator((ulong)settings.Seed);
        Start = new InrCurvePoint(0, InrFitter.Score(_model, signal).Score, double.NaN, 0);
    }

    public string Name { get; }
    public long Seed { get; }
    public InrKind Kind { get; }
    public long Budget { get; }
    public string RoundName => "round";
    public int Rounds => (_settings.Steps + _settings.EvalEvery - 1) / _settings.EvalEvery;
    public int CheckpointEvery => 1;
    public nn.Module Model => Fitted;
    public IReadOnlyList<OptimizerHelper> Optimizers => [_optimizer];
    public IReadOnlyList<Generator> Generators => [_subsets];
    public JsonObject Spec => new();
    public RoundSelection? Selection => null;
    public string DataDescription => $"{_signal.Name}: {_signal.TrainCoordinates.shape[0]} training points, scored on {_signal.TestCoordinates.shape[0]}";
    public string ContinueCommand(string root) => $"workbench inr fit --resume {root}";

    /// <summary>The untrained model's score: the curve's first point.</summary>
    public InrCurvePoint Start { get; }

    public nn.Module<Tensor, Tensor> Fitted => _model ?? throw new InvalidOperationException("the model was handed over");

    /// <summary>Hands the model over to the caller, who disposes it.</summary>
    public nn.Module<Tensor, Tensor> TakeModel()
    {
        var model = Fitted;
        _model = null;
        return model;
    }

    /// <summary>Metrics of a round: the score after it, the loss of its last step and the seconds its steps took (scoring excluded).</summary>
    public RoundResult Run(int round, long step, RoundContext context)
    {
        var model = Fitted;
        var nstr = model as Nstr;
        var end = Math.Min((long)round * _settings.EvalEvery, _settings.Steps);
        var first = step;
        var clock = Stopwatch.StartNew();
        var loss = double.NaN;
        for (; step < end; step++)
        {
            var decay = Math.Pow(0.1, (double)step / _settings.Steps);
            foreach (var group in _optimizer.ParamGroups) group.LearningRate = group.InitialLearningRate * decay;
            using (var scope = NewDisposeScope())
            {
                _optimizer.zero_grad();
                var objective = (model.forward(_signal.TrainCoordinates) - _signal.TrainValues).square().mean();
                loss = objective.item<float>();
                if (nstr is not null && nstr.Options.TransportWeight > 0)
                    objective = objective + nstr.Options.TransportWeight * nstr.TransportResidual(_signal.TrainCoordinates, _subsets);
                objective.backward();
                _optimizer.step();
            }
            context.AfterStep((int)(step + 1 - first));
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var score = InrFitter.Score(model, _signal).Score;
        context.Progress.Report($"{Kind} {_signal.Name}", end, _settings.Steps, $"{_signal.Metric} {score:F3}");
        return new RoundResult(end, _optimizer.ParamGroups.First().LearningRate, [new("score", score), new("loss", loss), new("fit_seconds", seconds)]);
    }

    /// <summary>
    /// The fit's result from its rounds' step counts and metrics (in order, all of them) and the model as it ends: the
    /// final score (with the Chamfer distance for SDFs) is measured again on the model.
    /// </summary>
    public InrFitResult Result(IEnumerable<(long Step, IReadOnlyDictionary<string, double> Metrics)> rounds)
    {
        var curve = new List<InrCurvePoint> { Start };
        var seconds = 0.0;
        foreach (var (step, metrics) in rounds)
        {
            seconds += metrics["fit_seconds"];
            curve.Add(new InrCurvePoint((int)step, metrics["score"], metrics["loss"], seconds));
        }
        var final = InrFitter.Score(Fitted, _signal);
        return new InrFitResult(Kind.ToString().ToLowerInvariant(), Budget, InrFitter.TrainableParameters(Fitted), _signal.Name,
            _signal.Metric.ToString().ToLowerInvariant(), final.Score, final.Chamfer, seconds, _settings.Steps, curve);
    }

    public void Dispose()
    {
        _optimizer.Dispose();
        _subsets.Dispose();
        _model?.Dispose();
    }
}
