using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;

namespace Workbench.Training.Refine;

public enum RefinerOptimizerKind { Adam, Sgd }

/// <summary>
/// The optimiser of the refined layer: Adam (the paper's) or plain gradient descent with optional momentum. Adam scales
/// every weight's step alike; gradient descent moves each weight in proportion to its gradient, so the weakly
/// constrained directions of the residual (an error carried by the flow from the first forecast frame) move slowly.
/// </summary>
public sealed record RefinerOptimizer(RefinerOptimizerKind Kind, double Lr, double Momentum = 0)
{
    public OptimizerHelper Create(IEnumerable<Parameter> parameters)
    {
        if (!(Lr > 0)) throw new WorkbenchException($"refine: expected a positive learning rate, got {Lr}.");
        if (!(Momentum >= 0 && Momentum < 1)) throw new WorkbenchException($"refine: expected a momentum in [0, 1), got {Momentum}.");
        return Kind switch
        {
            RefinerOptimizerKind.Adam => torch.optim.Adam(parameters, Lr),
            _ => torch.optim.SGD(parameters, Lr, Momentum),
        };
    }
}
