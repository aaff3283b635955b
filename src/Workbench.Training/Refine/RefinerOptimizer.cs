using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;

namespace Workbench.Training.Refine;

public enum RefinerOptimizerKind { Adam, Sgd, Lbfgs }

/// <summary>
/// The optimiser of the refined layer: Adam (the paper's), plain gradient descent with optional momentum, or L-BFGS
/// (no line search; each iteration is one quasi-Newton step). Adam scales every weight's step alike, so the many weights
/// the residual barely constrains (high wavenumbers, under an H^-1 weight) move as fast as the ones it pins down;
/// gradient descent moves each in proportion to its gradient; L-BFGS also follows the weakly curved directions the
/// residual does constrain (an error started at the first forecast frame and carried by the flow), which gradient
/// descent reaches only slowly.
/// </summary>
public sealed record RefinerOptimizer(RefinerOptimizerKind Kind, double Lr, double Momentum = 0)
{
    public torch.optim.Optimizer Create(IEnumerable<Parameter> parameters)
    {
        if (!(Lr > 0)) throw new WorkbenchException($"refine: expected a positive learning rate, got {Lr}.");
        if (!(Momentum >= 0 && Momentum < 1)) throw new WorkbenchException($"refine: expected a momentum in [0, 1), got {Momentum}.");
        return Kind switch
        {
            RefinerOptimizerKind.Adam => torch.optim.Adam(parameters, Lr),
            RefinerOptimizerKind.Sgd => torch.optim.SGD(parameters, Lr, Momentum),
            _ => torch.optim.LBFGS(parameters, Lr, max_iter: 1, history_size: 20),
        };
    }
}
