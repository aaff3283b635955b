using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Inr;

/// <summary>The local spectrum S(x) = 1 + field(x): coordinates [N, d] in [-1, 1] -> amplitudes [N, K]; the field starts at zero
/// (grid and hash backends) or near zero (the MLP's output layer is scaled by 1e-3).</summary>
public sealed class SpectrumField : nn.Module<Tensor, Tensor>
{
    private readonly NstrOptions options;
    private readonly Parameter? grid;
    private readonly HashGridEncoding? encoding;
    private readonly Sequential? network;

    public SpectrumField(NstrOptions options, Generator? generator) : base(nameof(SpectrumField))
    {
        this.options = options;
        var k = options.Frequencies;
        switch (options.Backend)
        {
            case SpectrumBackend.Grid:
                if (options.SpectrumResolution < 1) throw new WorkbenchException($"nstr: spectrum resolution must be positive, got {options.SpectrumResolution}.");
                grid = nn.Parameter(zeros((long)Math.Pow(options.SpectrumResolution + 1, options.InDim), k));
                break;
            case SpectrumBackend.HashGrid:
                var hash = HashOptions(options);
                encoding = new HashGridEncoding(hash, generator);
                network = nn.Sequential(("out", InrInit.Linear(hash.Levels * hash.FeaturesPerLevel, k, generator)));
                break;
            default:
                network = InrInit.ReluMlp(options.InDim, options.DecoderHidden / 2, 2, k, generator);
                using (no_grad()) ((Linear)network.children().Last()).weight!.mul_(1e-3);
                break;
        }
        RegisterComponents();
    }

    /// <summary>The hash encoding of the HashGrid backend: SpectrumLevels levels of 2 features, SpectrumTableSize entries, 16..SpectrumResolution cells.</summary>
    public static HashGridOptions HashOptions(NstrOptions o) =>
        new(o.InDim, o.Frequencies, Levels: o.SpectrumLevels, FeaturesPerLevel: 2, TableSize: o.SpectrumTableSize, MinResolution: Math.Min(16, o.SpectrumResolution),
            MaxResolution: o.SpectrumResolution);

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var unit = (x + 1) * 0.5;
        Tensor field;
        if (grid is not null)
        {
            var (corners, weights) = MultilinearGrid.Locate(unit, options.SpectrumResolution);
            field = MultilinearGrid.Blend(grid, SpatialHash.DenseIndex(corners, options.SpectrumResolution + 1), weights.to(grid.dtype));
        }
        else if (encoding is not null) field = network!.forward(encoding.forward(unit));
        else field = network!.forward(x);
        return (field + 1).MoveToOuterDisposeScope();
    }
}
