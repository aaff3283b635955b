using TorchSharp;
using Workbench.Data.Sources;
using Workbench.Data.Splits;
using Workbench.Training.Config;
using Workbench.Training.Losses;

namespace Workbench.Training.Engine;

/// <summary>Loss and metrics of a model over an index range, averaged over samples, in a fixed batch order.</summary>
public static class Evaluator
{
    public static SortedDictionary<string, double> Evaluate(
        torch.nn.Module<torch.Tensor, torch.Tensor> model, ISampleSource source, SampleRange range,
        ExperimentConfig config, torch.Device device)
    {
        model.eval();
        var loss = Objectives.PerSample(config);
        var metrics = config.Metrics.Distinct().Select(m => (Name: Objectives.Name(m), Fn: Objectives.PerSample(m))).ToArray();
        var sums = new double[metrics.Length + 1];
        using (torch.no_grad())
        {
            foreach (var batch in Batches.InOrder(range, config.BatchSize))
            {
                using var scope = torch.NewDisposeScope();
                var (x, y) = source.Load(batch);
                x = x.to(device);
                y = y.to(device);
                var prediction = model.forward(x);
                sums[0] += loss(prediction, y).to(torch.float64).sum().item<double>();
                for (var i = 0; i < metrics.Length; i++)
                    sums[i + 1] += metrics[i].Fn(prediction, y).to(torch.float64).sum().item<double>();
            }
        }
        var result = new SortedDictionary<string, double>(StringComparer.Ordinal) { ["loss"] = sums[0] / range.Count };
        for (var i = 0; i < metrics.Length; i++) result[metrics[i].Name] = sums[i + 1] / range.Count;
        return result;
    }
}
