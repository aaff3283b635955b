using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Afno;

/// <summary>
/// AFNO operator (FourCastNet layout) for [B, InChannels, GridX, GridY] -> [B, OutChannels, GridX, GridY]: patch
/// embedding (Conv2d with kernel and stride Patch) plus a learnable positional embedding per patch position
/// (0.02 N(0, 1)), Depth <see cref="AfnoBlock"/>s on the h x w token grid, and a linear head (no bias, as FourCastNet)
/// sending each token to its Patch x Patch x OutChannels pixels, laid out (p1, p2, c) within the token.
/// Other resolutions are not supported: the positional embedding is tied to the construction grid.
/// </summary>
public sealed class AfnoOperator : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d embed;
    private readonly Parameter position;
    private readonly ModuleList<AfnoBlock> blocks;
    private readonly Linear head;

    public AfnoOperator(AfnoOptions options) : base(nameof(AfnoOperator))
    {
        options.Validate();
        Options = options;
        var p = options.Patch;
        embed = nn.Conv2d(options.InChannels, options.EmbedDim, p, stride: p);
        position = nn.Parameter(0.02 * randn(1, options.GridX / p, options.GridY / p, options.EmbedDim));
        blocks = new ModuleList<AfnoBlock>(Enumerable.Range(0, options.Depth).Select(_ => new AfnoBlock(
            options.EmbedDim, options.Blocks, options.HiddenFactor, options.SparsityThreshold, options.ModeFraction,
            options.DoubleSkip, options.MlpRatio)).ToArray());
        head = nn.Linear(options.EmbedDim, p * p * options.OutChannels, hasBias: false);
        RegisterComponents();
    }

    public AfnoOptions Options { get; }

    /// <summary>Null when a sample of this shape fits the model, else what is wrong.</summary>
    public static string? CheckShapes(AfnoOptions options, long[] input, long[] target)
    {
        long[] expected = [options.InChannels, options.GridX, options.GridY];
        if (!input.SequenceEqual(expected))
            return $"afno expects input samples [{string.Join(", ", expected)}], got [{string.Join(", ", input)}]";
        long[] expectedTarget = [options.OutChannels, options.GridX, options.GridY];
        if (!target.SequenceEqual(expectedTarget))
            return $"afno expects target samples [{string.Join(", ", expectedTarget)}], got [{string.Join(", ", target)}]";
        return null;
    }

    public override Tensor forward(Tensor x)
    {
        var o = Options;
        if (x.dim() != 4 || x.shape[1] != o.InChannels || x.shape[2] != o.GridX || x.shape[3] != o.GridY)
            throw new ArgumentException(
                $"afno: expected input [B, {o.InChannels}, {o.GridX}, {o.GridY}] (the construction grid), got [{string.Join(", ", x.shape)}].");
        using var scope = NewDisposeScope();
        var p = o.Patch;
        var (h, w) = (o.GridX / p, o.GridY / p);
        var tokens = embed.forward(x).permute(0, 2, 3, 1) + position;
        for (var i = 0; i < blocks.Count; i++) tokens = blocks[i].forward(tokens);
        var pixels = head.forward(tokens).reshape(x.shape[0], h, w, p, p, o.OutChannels);
        return pixels.permute(0, 5, 1, 3, 2, 4).reshape(x.shape[0], o.OutChannels, o.GridX, o.GridY).MoveToOuterDisposeScope();
    }
}
