using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Inr;

/// <summary>sin(omega0 (W x + b)) with SIREN's initialisation: W ~ U(-1/n, 1/n) for the first layer,
/// U(-sqrt(6/n)/omega0, sqrt(6/n)/omega0) after; the bias keeps the default U(-1/sqrt(n), 1/sqrt(n)).</summary>
public sealed class SineLayer : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear;
    private readonly double omega0;

    public SineLayer(long inputs, long outputs, double omega0, bool first, Generator? generator) : base(nameof(SineLayer))
    {
        this.omega0 = omega0;
        linear = InrInit.Linear(inputs, outputs, generator);
        InrInit.Uniform(linear.weight!, first ? 1.0 / inputs : Math.Sqrt(6.0 / inputs) / omega0, generator);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => sin(linear.forward(x) * omega0);
}
