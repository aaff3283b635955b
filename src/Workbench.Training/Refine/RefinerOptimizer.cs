using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Training.Config;

namespace Workbench.Training.Refine;

/// <summary>
/// The optimiser of the refined layer: Adam (the paper's) or plain gradient descent with optional momentum. Adam
/// scales every weight's step alike, so the many weights the residual barely constrains (high wavenumbers, under an
/// H^-1 weight) move as fast as the ones it pins down; gradient descent moves each in proportion to its gradient.
/// </summary>
public sealed record RefinerOptimizer(OptimizerKind Kind, double Lr, double Momentum = 0)
{
    public torch.optim.Optimizer Create(IEnumerable<Parameter> parameters)
    {
        if (!(Lr > 0)) throw new WorkbenchException($"refine: expected a positive learning rate, got {Lr}.");
        if (!(Momentum >= 0 && Momentum < 1)) throw new WorkbenchException($"refine: expected a momentum in [0, 1), got {Momentum}.");
        return Kind switch
        {
            OptimizerKind.Adam => torch.optim.Adam(parameters, Lr),
            OptimizerKind.Sgd => torch.optim.SGD(parameters, Lr, Momentum),
            _ => throw new WorkbenchException($"refine: the optimizer must be adam or sgd, got {Kind}."),
        };
    }
}
