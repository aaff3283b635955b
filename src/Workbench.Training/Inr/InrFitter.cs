using System.Diagnostics;
using TorchSharp;
using Workbench.Core.Progress;
using Workbench.Models.Inr;
using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>
/// Fits a representation to a signal by full-batch MSE (plus NSTR's weighted transport residual, evaluated on the
/// training points) with Adam; see <see cref="InrFitSettings"/> for the schedule and learning rates.
/// </summary>
public static class InrFitter
{
    public static InrFitResult Fit(InrKind kind, nn.Module<Tensor, Tensor> model, long budget, InrSignal signal, InrFitSettings settings,
        IProgressSink? progress = null)
    {
        var device = signal.TrainCoordinates.device;
        model.to(device);
        var lr = settings.LearningRate ?? InrFitSettings.DefaultLearningRate(kind);
        using var optimizer = CreateOptimizer(kind, model, lr);
        var nstr = model as Nstr;
        using var subsets = new Generator((ulong)settings.Seed);
        var curve = new List<InrCurvePoint>();
        var clock = new Stopwatch();
        var loss = double.NaN;
        for (var step = 0; step <= settings.Steps; step++)
        {
            if (step % settings.EvalEvery == 0 || step == settings.Steps)
            {
                var score = Score(model, signal).Score;
                curve.Add(new InrCurvePoint(step, score, loss, clock.Elapsed.TotalSeconds));
                progress?.Report($"{kind} {signal.Name}", step, settings.Steps, $"{signal.Metric} {score:F3}");
            }
            if (step == settings.Steps) break;
            clock.Start();
            var decay = Math.Pow(0.1, (double)step / settings.Steps);
            foreach (var group in optimizer.ParamGroups) group.LearningRate = group.InitialLearningRate * decay;
            using (var scope = NewDisposeScope())
            {
                optimizer.zero_grad();
                var objective = (model.forward(signal.TrainCoordinates) - signal.TrainValues).square().mean();
                loss = objective.item<float>();
                if (nstr is not null && nstr.Options.TransportWeight > 0)
                    objective = objective + nstr.Options.TransportWeight * nstr.TransportResidual(signal.TrainCoordinates, subsets);
                objective.backward();
                optimizer.step();
            }
            clock.Stop();
        }
        var final = Score(model, signal);
        return new InrFitResult(kind.ToString().ToLowerInvariant(), budget, TrainableParameters(model), signal.Name,
            signal.Metric.ToString().ToLowerInvariant(), final.Score, final.Chamfer, clock.Elapsed.TotalSeconds, settings.Steps, curve);
    }

    public static long TrainableParameters(nn.Module model) => model.parameters().Where(p => p.requires_grad).Sum(p => p.numel());

    /// <summary>The signal's metric on its test points (for SDFs IoU and Chamfer on a 40^3 grid).</summary>
    public static (double Score, double? Chamfer) Score(nn.Module<Tensor, Tensor> model, InrSignal signal)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        try
        {
            if (signal.Shape is { } shape)
            {
                var (iou, chamfer) = SdfMetrics.Evaluate(model.forward, shape, 40, 2048, seed: 5);
                return (iou, chamfer);
            }
            var prediction = model.forward(signal.TestCoordinates);
            return signal.Metric == InrMetric.Snr
                ? (SignalMetrics.Snr(prediction, signal.TestValues), null)
                : (SignalMetrics.Psnr(prediction, signal.TestValues), null);
        }
        finally
        {
            model.train();
        }
    }

    /// <summary>Adam with each paper's settings; NSTR, whose spectrum field is a hash grid by default, uses the hash-grid ones.</summary>
    private static optim.Optimizer CreateOptimizer(InrKind kind, nn.Module model, double lr)
    {
        var trainable = model.parameters().Where(p => p.requires_grad);
        var hash = HashGridOptions.AdamBetas;
        return kind is InrKind.HashGrid or InrKind.Nstr
            ? optim.Adam(trainable, lr, hash.Beta1, hash.Beta2, hash.Eps)
            : optim.Adam(trainable, lr);
    }
}
