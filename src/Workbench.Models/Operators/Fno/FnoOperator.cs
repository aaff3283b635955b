using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Fno;

/// <summary>
/// Fourier neural operator (Li et al. 2021) on d = 1, 2 or 3 periodic axes: [B, InChannels, n_1, ..., n_d] ->
/// [B, OutChannels, n_1, ..., n_d]. Lift (input channels plus the d coordinates in [0, 1)) by a pointwise linear map to
/// Width channels, Layers blocks h = spectral(h) + W h (1x1 conv skip; optional BatchNorm) followed by GELU except after
/// the last block, then the pointwise projection Width -> ProjectionWidth -> GELU -> OutChannels. Every axis is treated
/// as periodic (a time axis too: no padding). Runs at any resolution (see <see cref="SpectralConv"/> for grids below the
/// retained set). With Width 20, Modes 8 per axis, Layers 4, InChannels 10, OutChannels 1 and BatchNorm it has the
/// parameter counts the paper reports: 414,517 for FNO-2D (the release's BatchNorm2d layers hold 160 of them) and
/// 6,558,537 for FNO-3D.
/// </summary>
public sealed class FnoOperator : nn.Module<Tensor, Tensor>
{
    private static readonly string[] AxisNames = ["X", "Y", "T"];

    private readonly nn.Module<Tensor, Tensor> lift;
    private readonly ModuleList<SpectralConv> spectral;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> pointwise;
    private readonly ModuleList<nn.Module<Tensor, Tensor>> norms;
    private readonly nn.Module<Tensor, Tensor> project1;
    private readonly nn.Module<Tensor, Tensor> project2;

    public FnoOperator(FnoOptions options) : base(nameof(FnoOperator))
    {
        options.Validate();
        Options = options;
        var d = options.Dims;
        var initGrid = options.ResolvedInitGrid;
        lift = Pointwise(d, options.InChannels + d, options.Width);
        spectral = new ModuleList<SpectralConv>(Enumerable.Range(0, options.Layers)
            .Select(_ => new SpectralConv(options.Width, options.Width, options.Modes, options.Init, initGrid)).ToArray());
        pointwise = new ModuleList<nn.Module<Tensor, Tensor>>(Enumerable.Range(0, options.Layers)
            .Select(_ => Pointwise(d, options.Width, options.Width)).ToArray());
        norms = new ModuleList<nn.Module<Tensor, Tensor>>(Enumerable.Range(0, options.BatchNorm ? options.Layers : 0)
            .Select(_ => BatchNorm(d, options.Width)).ToArray());
        project1 = Pointwise(d, options.Width, options.ProjectionWidth);
        project2 = Pointwise(d, options.ProjectionWidth, options.OutChannels);
        RegisterComponents();
    }

    public FnoOptions Options { get; }

    /// <summary>Null when a sample of this shape fits the model, else what is wrong.</summary>
    public static string? CheckShapes(FnoOptions options, long[] input, long[] target)
    {
        var d = options.Dims;
        if (input.Length != d + 1 || input[0] != options.InChannels || input.Skip(1).Take(d - 1).Any(n => n < 2) || input[^1] < 1)
            return $"{options.Name} expects input samples [{options.InChannels}, {Axes(d)}], got [{string.Join(", ", input)}]";
        if (target.Length != d + 1 || target[0] != options.OutChannels || !target.Skip(1).SequenceEqual(input.Skip(1)))
            return $"{options.Name} expects target samples [{options.OutChannels}, {string.Join(", ", input.Skip(1))}], got [{string.Join(", ", target)}]";
        return null;
    }

    public override Tensor forward(Tensor x)
    {
        var d = Options.Dims;
        if (x.dim() != d + 2 || x.shape[1] != Options.InChannels || x.shape.Skip(2).Take(d - 1).Any(n => n < 2))
            throw new ArgumentException(
                $"{Options.Name}: expected input [B, {Options.InChannels}, {Axes(d)}], got [{string.Join(", ", x.shape)}].");
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

    /// <summary>The spatial axes as messages name them: every axis but the last is a full FFT axis and needs 2 points.</summary>
    private static string Axes(int d) => string.Join(", ", AxisNames.Take(d).Select((name, i) => i < d - 1 ? $"{name} >= 2" : name));

    private static nn.Module<Tensor, Tensor> Pointwise(int d, int inChannels, int outChannels) => d switch
    {
        1 => nn.Conv1d(inChannels, outChannels, 1),
        2 => nn.Conv2d(inChannels, outChannels, 1),
        _ => nn.Conv3d(inChannels, outChannels, 1),
    };

    private static nn.Module<Tensor, Tensor> BatchNorm(int d, int channels) => d switch
    {
        1 => nn.BatchNorm1d(channels),
        2 => nn.BatchNorm2d(channels),
        _ => nn.BatchNorm3d(channels),
    };
}
