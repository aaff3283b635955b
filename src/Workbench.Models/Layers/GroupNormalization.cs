using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Layers;

/// <summary>
/// Group normalisation of [B, C, H, W] over each group of C / groups channels and all pixels (eps 1e-5), with a
/// per-channel affine map initialised to (1, 0). Written out because TorchSharp 0.107's GroupNorm handed out
/// uninitialised affine storage here (non-finite weights, NaN losses).
/// </summary>
public sealed class GroupNormalization : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly int _groups;

    public GroupNormalization(int groups, int channels) : base(nameof(GroupNormalization))
    {
        if (groups < 1 || channels % groups != 0)
            throw new ArgumentException($"group norm: {channels} channels are not divisible into {groups} groups");
        _groups = groups;
        weight = nn.Parameter(ones(channels));
        bias = nn.Parameter(zeros(channels));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var grouped = x.reshape(x.shape[0], _groups, -1);
        var mean = grouped.mean([2], keepdim: true);
        var variance = (grouped - mean).square().mean([2], keepdim: true);
        var normalised = ((grouped - mean) / (variance + 1e-5).sqrt()).reshape(x.shape);
        var shape = new long[] { 1, x.shape[1], 1, 1 };
        return (normalised * weight.reshape(shape) + bias.reshape(shape)).MoveToOuterDisposeScope();
    }
}
