using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Fno;

/// <summary>
/// Fourier neural operator on 2-D periodic grids (Li et al. 2021), time as channels: lift (input channels plus the x, y
/// coordinates in [0, 1)) by a pointwise linear map to Width channels, Layers blocks h = spectral(h) + W h (1x1 conv
/// skip; optional BatchNorm) followed by GELU except after the last block, then the pointwise projection
/// Width -> ProjectionWidth -> GELU -> OutChannels. Input [B, InChannels, X, Y], output [B, OutChannels, X, Y].
/// Runs at any resolution (see <see cref="SpectralConv"/> for grids below 2 Modes1 x 2 Modes2).
/// With Width 20, Modes 8, Layers 4, InChannels 10, OutChannels 1 and BatchNorm it has the 414,517 parameters the
/// paper reports for FNO-2D (the published table's modes/width; the release's BatchNorm2d layers hold 160 of them).
/// </summary>
public sealed class Fno2d : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d lift;
    private readonly ModuleList<SpectralConv> spectral;
    private readonly ModuleList<Conv2d> pointwise;
    private readonly ModuleList<BatchNorm2d> norms;
    private readonly Conv2d project1;
    private readonly Conv2d project2;

    public Fno2d(Fno2dOptions options) : base(nameof(Fno2d))
    {
        Validate(options);
        Options = options;
        var modes = new[] { options.Modes1, options.Modes2 };
        var initGrid = new long[] { options.InitGridX, options.InitGridY };
        lift = nn.Conv2d(options.InChannels + 2, options.Width, 1);
        spectral = new ModuleList<SpectralConv>(Enumerable.Range(0, options.Layers)
            .Select(_ => new SpectralConv(options.Width, options.Width, modes, options.Init, initGrid)).ToArray());
        pointwise = new ModuleList<Conv2d>(Enumerable.Range(0, options.Layers)
            .Select(_ => nn.Conv2d(options.Width, options.Width, 1)).ToArray());
        norms = new ModuleList<BatchNorm2d>(Enumerable.Range(0, options.BatchNorm ? options.Layers : 0)
            .Select(_ => nn.BatchNorm2d(options.Width)).ToArray());
        project1 = nn.Conv2d(options.Width, options.ProjectionWidth, 1);
        project2 = nn.Conv2d(options.ProjectionWidth, options.OutChannels, 1);
        RegisterComponents();
    }

    public Fno2dOptions Options { get; }

    /// <summary>Null when a sample of this shape fits the model, else what is wrong.</summary>
    public static string? CheckShapes(Fno2dOptions options, long[] input, long[] target)
    {
        if (input.Length != 3 || input[0] != options.InChannels || input[1] < 2 || input[2] < 1)
            return $"fno2d expects input samples [{options.InChannels}, X >= 2, Y], got [{string.Join(", ", input)}]";
        if (target.Length != 3 || target[0] != options.OutChannels || target[1] != input[1] || target[2] != input[2])
            return $"fno2d expects target samples [{options.OutChannels}, {input[1]}, {input[2]}], got [{string.Join(", ", target)}]";
        return null;
    }

    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 4 || x.shape[1] != Options.InChannels || x.shape[2] < 2)
            throw new WorkbenchException(
                $"fno2d: expected input [B, {Options.InChannels}, X >= 2, Y], got [{string.Join(", ", x.shape)}].");
        using var scope = NewDisposeScope();
        var h = PointwiseLinear.Apply(lift, cat([x, GridCoordinates.Like(x)], 1));
        for (var layer = 0; layer < spectral.Count; layer++)
        {
            h = spectral[layer].forward(h) + PointwiseLinear.Apply(pointwise[layer], h);
            if (norms.Count > 0) h = norms[layer].forward(h);
            if (layer < spectral.Count - 1) h = nn.functional.gelu(h);
        }
        return PointwiseLinear.Apply(project2, nn.functional.gelu(PointwiseLinear.Apply(project1, h))).MoveToOuterDisposeScope();
    }

    private static void Validate(Fno2dOptions o)
    {
        if (o.InChannels < 1 || o.OutChannels < 1 || o.Width < 1 || o.ProjectionWidth < 1)
            throw new WorkbenchException($"fno2d: channels and widths must be positive, got {o}.");
        if (o.Modes1 < 1 || o.Modes2 < 1 || o.Layers < 1)
            throw new WorkbenchException($"fno2d: modes and layers must be positive, got modes {o.Modes1}x{o.Modes2}, layers {o.Layers}.");
    }
}
