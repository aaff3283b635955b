using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Progress;
using Workbench.Models.Inr;
using Workbench.Training.Engine;
using static TorchSharp.torch;

namespace Workbench.Training.Inr;

/// <summary>
/// Fits a representation to a signal by full-batch MSE (plus NSTR's weighted transport residual, evaluated on the
/// training points) with Adam; see <see cref="InrFitSettings"/> for the schedule and learning rates. <see cref="Fit"/>
/// runs an <see cref="InrTask"/>'s rounds in memory (figures, notebooks); <see cref="InrRun"/> runs them in a run folder.
/// </summary>
public static class InrFitter
{
    public static InrFitResult Fit(InrTask task, IProgressSink? progress = null)
    {
        var context = new RoundContext(progress ?? SilentProgress.Instance, _ => { });
        var rounds = new List<(long, IReadOnlyDictionary<string, double>)>();
        var step = 0L;
        for (var round = 1; round <= task.Rounds; round++)
        {
            var result = task.Run(round, step, context);
            step = result.Step;
            rounds.Add((step, result.Metrics.ToDictionary()));
        }
        return task.Result(rounds);
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
    public static OptimizerHelper CreateOptimizer(InrKind kind, nn.Module model, double lr)
    {
        var trainable = model.parameters().Where(p => p.requires_grad);
        var hash = HashGridOptions.AdamBetas;
        return kind is InrKind.HashGrid or InrKind.Nstr
            ? optim.Adam(trainable, lr, hash.Beta1, hash.Beta2, hash.Eps)
            : optim.Adam(trainable, lr);
    }
}
