using TorchSharp;
using TorchSharp.Modules;
using Workbench.Training.Config;

namespace Workbench.Training.Optim;

/// <summary>Builds TorchSharp optimisers from the config (all parameters are real-valued tensors).</summary>
public static class OptimizerFactory
{
    public static OptimizerHelper Create(OptimizerConfig config, IEnumerable<Parameter> parameters) => config.Kind switch
    {
        OptimizerKind.Adam => torch.optim.Adam(parameters, config.Lr, config.Beta1, config.Beta2, config.Eps, config.WeightDecay),
        OptimizerKind.AdamW => torch.optim.AdamW(parameters, config.Lr, config.Beta1, config.Beta2, config.Eps, config.WeightDecay),
        OptimizerKind.Sgd => torch.optim.SGD(parameters, config.Lr, config.Momentum, weight_decay: config.WeightDecay),
        _ => throw new ArgumentOutOfRangeException(nameof(config), config.Kind, null),
    };

    public static void SetLearningRate(OptimizerHelper optimizer, double lr)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
    }
}
