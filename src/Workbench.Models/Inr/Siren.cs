using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Inr;

/// <summary>SIREN: coordinates [N, InDim] in [-1, 1] -> values [N, OutDim]; the output layer is linear with the hidden-layer init.</summary>
public sealed class Siren : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<SineLayer> layers;
    private readonly Linear output;

    public Siren(SirenOptions options, Generator? generator = null) : base(nameof(Siren))
    {
        if (options.InDim < 1 || options.OutDim < 1 || options.Hidden < 1 || options.HiddenLayers < 0 || options.Omega0 <= 0 || options.FirstOmega0 <= 0)
            throw new WorkbenchException($"siren: dimensions and omega0 must be positive, got {options}.");
        Options = options;
        var list = new List<SineLayer> { new(options.InDim, options.Hidden, options.FirstOmega0, first: true, generator) };
        for (var i = 0; i < options.HiddenLayers; i++) list.Add(new SineLayer(options.Hidden, options.Hidden, options.Omega0, first: false, generator));
        layers = new ModuleList<SineLayer>(list.ToArray());
        output = InrInit.Linear(options.Hidden, options.OutDim, generator);
        InrInit.Uniform(output.weight!, Math.Sqrt(6.0 / options.Hidden) / options.Omega0, generator);
        RegisterComponents();
    }

    public SirenOptions Options { get; }

    public override Tensor forward(Tensor x)
    {
        InrInit.CheckCoordinates("siren", x, Options.InDim);
        using var scope = NewDisposeScope();
        var h = x;
        foreach (var layer in layers) h = layer.forward(h);
        return output.forward(h).MoveToOuterDisposeScope();
    }
}
