using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Core.Runtime;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Omni-directional neighbourhood state space (VONSS) on [B, C, H, W]: a 1x1 projection to D = expansion * C channels,
/// a depthwise 3x3 convolution and SiLU, then a <see cref="SelectiveScan"/> along each configured
/// <see cref="ScanDirections"/>. Each direction has its own 1x1 projection giving the input-dependent step delta
/// (softplus, one per head of ScanHeadSize channels), b and c, its own decay rates a = -exp(A_log) per head and skip d
/// per channel. The directions' outputs are summed and projected back to C by a 1x1 convolution; all directions run as
/// one batched scan.
/// </summary>
public sealed class Vonss : nn.Module<Tensor, Tensor>
{
    private const double DeltaMin = 1e-3;
    private const double DeltaMax = 1e-1;
    private const double DecayRateMax = 16;

    private readonly Conv2d in_proj;
    private readonly Conv2d local_conv;
    private readonly Parameter x_proj;
    private readonly Parameter dt_bias;
    private readonly Parameter A_log;
    private readonly Parameter skip;
    private readonly Conv2d out_proj;
    private readonly ScanDirections[] _directions;
    private readonly int _inner;
    private readonly int _heads;
    private readonly int _stateSize;
    private readonly int _chunk;

    public Vonss(int channels, HcfssnetOptions options) : base(nameof(Vonss))
    {
        _directions = ScanOrder.Split(options.Directions);
        _inner = channels * options.ScanExpansion;
        if (_inner % options.ScanHeadSize != 0)
            throw new ConfigException($"vonss: ScanHeadSize = {options.ScanHeadSize} does not divide the {_inner} scan channels.");
        _heads = _inner / options.ScanHeadSize;
        _stateSize = options.StateSize;
        _chunk = options.ChunkLength;
        var count = _directions.Length;
        in_proj = nn.Conv2d(channels, _inner, 1);
        local_conv = nn.Conv2d(_inner, _inner, 3, padding: 1, groups: _inner);
        x_proj = nn.Parameter((rand(count, _heads + 2 * _stateSize, _inner) * 2 - 1) / Math.Sqrt(_inner));
        // Initial step sizes log-uniform in [DeltaMin, DeltaMax] (Mamba's init); the bias is their inverse softplus.
        var delta = exp(rand(count, _heads) * Math.Log(DeltaMax / DeltaMin) + Math.Log(DeltaMin));
        dt_bias = nn.Parameter(delta + log(-expm1(-delta)));
        A_log = nn.Parameter(log(rand(count, _heads) * (DecayRateMax - 1) + 1));
        skip = nn.Parameter(ones(count, _inner));
        out_proj = nn.Conv2d(_inner, channels, 1);
        RegisterComponents();
    }

    /// <summary>Zeroes the output projection, so the scan branch adds nothing until it trains.</summary>
    public void SilenceOutput()
    {
        using var _ = no_grad();
        out_proj.weight!.zero_();
        out_proj.bias!.zero_();
    }

    /// <summary>
    /// Takes <paramref name="source"/>'s weights where each of its heads splits into a whole number r of this module's:
    /// the step-size projection, step bias and decay of a head are repeated for its r sub-heads, so each channel keeps
    /// its step size and decay and the scan computes the same.
    /// </summary>
    public void TakeWeights(Vonss source)
    {
        if (source._inner != _inner || source._stateSize != _stateSize || !source._directions.SequenceEqual(_directions) || _heads % source._heads != 0)
            throw new ConfigException($"vonss: a scan with {source._heads} heads of {source._inner} channels cannot start one with {_heads} heads of {_inner}");
        using var _ = no_grad();
        var split = _heads / source._heads;
        foreach (var (from, to) in new[] { (source.in_proj, in_proj), (source.local_conv, local_conv), (source.out_proj, out_proj) })
        {
            to.weight!.copy_(from.weight!);
            to.bias!.copy_(from.bias!);
        }
        skip.copy_(source.skip);
        x_proj.copy_(cat([source.x_proj.narrow(1, 0, source._heads).repeat_interleave(split, 1), source.x_proj.narrow(1, source._heads, 2 * _stateSize)], 1));
        dt_bias.copy_(source.dt_bias.repeat_interleave(split, 1));
        A_log.copy_(source.A_log.repeat_interleave(split, 1));
    }

    /// <summary>The configured directions; <see cref="Scan"/> takes indexes into this list.</summary>
    public IReadOnlyList<ScanDirections> Directions => _directions;

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var features = nn.functional.silu(local_conv.forward(in_proj.forward(x)));
        var scanned = Scan(features, Enumerable.Range(0, _directions.Length).ToArray());
        return out_proj.forward(scanned).MoveToOuterDisposeScope();
    }

    /// <summary>The sum over the chosen directions of their selective scans of <paramref name="features"/> [B, D, H, W].</summary>
    public Tensor Scan(Tensor features, IReadOnlyList<int> directions)
    {
        using var scope = NewDisposeScope();
        var (batch, height, width) = (features.shape[0], features.shape[2], features.shape[3]);
        var length = height * width;
        var count = directions.Count;
        var orders = directions.Select(k => ScanOrder.Permutation(_directions[k], height, width)).ToArray();
        var gather = DeviceConstants.Indices(orders.SelectMany(o => o).ToArray(), features.device);
        var scatter = DeviceConstants.Indices(orders.SelectMany((o, k) => ScanOrder.Inverse(o).Select(t => t + k * length)).ToArray(), features.device);
        var selected = DeviceConstants.Indices(directions.Select(k => (long)k).ToArray(), features.device);

        // [B, D, H*W] -> one sequence per direction, [K, B, D, T].
        var sequences = features.flatten(2).index_select(2, gather).unflatten(2, count, length).permute(2, 0, 1, 3);
        var projected = einsum("kod,kbdt->kbot", x_proj.index_select(0, selected), sequences);
        var delta = nn.functional.softplus(projected.narrow(2, 0, _heads) + dt_bias.index_select(0, selected).unsqueeze(1).unsqueeze(-1));
        var b = projected.narrow(2, _heads, _stateSize);
        var c = projected.narrow(2, _heads + _stateSize, _stateSize);
        var a = -A_log.index_select(0, selected).exp().unsqueeze(1);
        var d = skip.index_select(0, selected).unsqueeze(1);
        var y = SelectiveScan.Apply(sequences, delta, a, b, c, d, _chunk);

        // Back to the pixel grid: [K, B, D, T] -> [B, D, K*T] read through each direction's inverse order.
        var grid = y.permute(1, 2, 0, 3).flatten(2).index_select(2, scatter).unflatten(2, count, length).sum(2);
        return grid.reshape(batch, _inner, height, width).MoveToOuterDisposeScope();
    }
}
