using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Fno;

/// <summary>
/// Fourier neural operator on [B, InChannels, X, Y, T] -> [B, OutChannels, X, Y, T]: the structure of
/// <see cref="Fno2d"/> with 3-D spectral layers keeping the four corners (+-kx, +-ky, 0 &lt;= kt &lt; Modes3) and the x, y,
/// t coordinates in [0, 1) as extra input channels. The time axis is treated as periodic (no padding).
/// With Width 20, Modes 8, 8, 8, Layers 4, InChannels 10, OutChannels 1 and BatchNorm it has the 6,558,537 parameters
/// the paper reports for FNO-3D.
/// </summary>
public sealed class Fno3d : nn.Module<Tensor, Tensor>
{
    private readonly Conv3d lift;
    private readonly ModuleList<SpectralConv> spectral;
    private readonly ModuleList<Conv3d> pointwise;
    private readonly ModuleList<BatchNorm3d> norms;
    private readonly Conv3d project1;
    private readonly Conv3d project2;

    public Fno3d(Fno3dOptions options) : base(nameof(Fno3d))
    {
        Validate(options);
        Options = options;
        var modes = new[] { options.Modes1, options.Modes2, options.Modes3 };
        var initGrid = new long[] { options.InitGridX, options.InitGridY, options.InitGridT };
        lift = nn.Conv3d(options.InChannels + 3, options.Width, 1);
        spectral = new ModuleList<SpectralConv>(Enumerable.Range(0, options.Layers)
            .Select(_ => new SpectralConv(options.Width, options.Width, modes, options.Init, initGrid)).ToArray());
        pointwise = new ModuleList<Conv3d>(Enumerable.Range(0, options.Layers)
            .Select(_ => nn.Conv3d(options.Width, options.Width, 1)).ToArray());
        norms = new ModuleList<BatchNorm3d>(Enumerable.Range(0, options.BatchNorm ? options.Layers : 0)
            .Select(_ => nn.BatchNorm3d(options.Width)).ToArray());
        project1 = nn.Conv3d(options.Width, options.ProjectionWidth, 1);
        project2 = nn.Conv3d(options.ProjectionWidth, options.OutChannels, 1);
        RegisterComponents();
    }

    public Fno3dOptions Options { get; }

    /// <summary>Null when a sample of this shape fits the model, else what is wrong.</summary>
    public static string? CheckShapes(Fno3dOptions options, long[] input, long[] target)
    {
        if (input.Length != 4 || input[0] != options.InChannels || input[1] < 2 || input[2] < 2 || input[3] < 1)
            return $"fno3d expects input samples [{options.InChannels}, X >= 2, Y >= 2, T], got [{string.Join(", ", input)}]";
        if (target.Length != 4 || target[0] != options.OutChannels || !target.Skip(1).SequenceEqual(input.Skip(1)))
            return $"fno3d expects target samples [{options.OutChannels}, {input[1]}, {input[2]}, {input[3]}], got [{string.Join(", ", target)}]";
        return null;
    }

    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 5 || x.shape[1] != Options.InChannels || x.shape[2] < 2 || x.shape[3] < 2)
            throw new WorkbenchException(
                $"fno3d: expected input [B, {Options.InChannels}, X >= 2, Y >= 2, T], got [{string.Join(", ", x.shape)}].");
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

    private static void Validate(Fno3dOptions o)
    {
        if (o.InChannels < 1 || o.OutChannels < 1 || o.Width < 1 || o.ProjectionWidth < 1)
            throw new WorkbenchException($"fno3d: channels and widths must be positive, got {o}.");
        if (o.Modes1 < 1 || o.Modes2 < 1 || o.Modes3 < 1 || o.Layers < 1)
            throw new WorkbenchException(
                $"fno3d: modes and layers must be positive, got modes {o.Modes1}x{o.Modes2}x{o.Modes3}, layers {o.Layers}.");
    }
}
