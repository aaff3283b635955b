using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Core.Runtime;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Swin-style window multi-head self-attention on [B, C, H, W] with H and W multiples of the window w: LayerNorm over
/// channels, then attention among the w*w pixels of each non-overlapping window only, with a learned relative position
/// bias per head (Liu et al. 2021), and an output projection. Returns the attention branch (the caller adds the
/// residual). No shifted windows: it is used in a single block.
/// </summary>
public sealed class WindowAttention : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm;
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly Parameter relative_position_bias;
    private readonly long[] _relativeIndex;
    private readonly int _window;
    private readonly int _heads;

    public WindowAttention(int channels, int window, int heads) : base(nameof(WindowAttention))
    {
        if (channels % heads != 0) throw new ConfigException($"window attention: {channels} channels do not split into {heads} heads.");
        _window = window;
        _heads = heads;
        norm = nn.LayerNorm(channels);
        qkv = nn.Linear(channels, 3 * channels);
        proj = nn.Linear(channels, channels);
        relative_position_bias = nn.Parameter(randn((2 * window - 1) * (2 * window - 1), heads) * 0.02);
        _relativeIndex = RelativeIndex(window);
        RegisterComponents();
    }

    /// <summary>Zeroes the output projection, so the branch adds nothing until it trains.</summary>
    public void SilenceOutput()
    {
        using var _ = no_grad();
        proj.weight.zero_();
        proj.bias!.zero_();
    }

    public override Tensor forward(Tensor x)
    {
        var (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        var w = _window;
        if (height % w != 0 || width % w != 0)
            throw new ArgumentException($"window attention: the map [{height}, {width}] is not a multiple of the window {w}.");
        using var scope = NewDisposeScope();
        var (rows, columns, tokens, headSize) = (height / w, width / w, w * w, channels / _heads);
        var windows = norm.forward(x.permute(0, 2, 3, 1)).view(batch, rows, w, columns, w, channels)
            .permute(0, 1, 3, 2, 4, 5).reshape(-1, tokens, channels);
        var qkvs = qkv.forward(windows).view(-1, tokens, 3, _heads, headSize).permute(2, 0, 3, 1, 4);
        var (q, k, v) = (qkvs[0], qkvs[1], qkvs[2]);
        var bias = relative_position_bias.index_select(0, DeviceConstants.Indices(_relativeIndex, x.device)).view(tokens, tokens, _heads).permute(2, 0, 1);
        var attention = (q.matmul(k.transpose(-2, -1)) / Math.Sqrt(headSize) + bias).softmax(-1);
        var output = proj.forward(attention.matmul(v).transpose(1, 2).reshape(-1, tokens, channels));
        return output.view(batch, rows, columns, w, w, channels).permute(0, 5, 1, 3, 2, 4).reshape(batch, channels, height, width)
            .MoveToOuterDisposeScope();
    }

    /// <summary>Row of the bias table for each (query, key) pair of a window: their offset (dy, dx) shifted to be non-negative.</summary>
    private static long[] RelativeIndex(int window)
    {
        var tokens = window * window;
        var index = new long[tokens * tokens];
        for (var i = 0; i < tokens; i++)
            for (var j = 0; j < tokens; j++)
                index[i * tokens + j] = (i / window - j / window + window - 1) * (2 * window - 1) + i % window - j % window + window - 1;
        return index;
    }
}
