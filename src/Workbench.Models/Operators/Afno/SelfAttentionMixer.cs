using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Afno;

/// <summary>
/// Multi-head self-attention token mixer on [B, N, d], the global mixer AFNO replaces: q, k, v = x Wqkv + b (one
/// Linear d -> 3d, split in that order, each head taking a contiguous d/heads slice), softmax(q k^T / sqrt(d/heads)) v
/// per head, heads concatenated, output Linear d -> d.
/// </summary>
public sealed class SelfAttentionMixer : nn.Module<Tensor, Tensor>
{
    private readonly Linear qkv;
    private readonly Linear proj;
    private readonly int _heads;

    public SelfAttentionMixer(int dim, int heads) : base(nameof(SelfAttentionMixer))
    {
        if (dim < 1 || heads < 1 || dim % heads != 0)
            throw new WorkbenchException($"self-attention: the width {dim} must be a positive multiple of the head count {heads}.");
        Dim = dim;
        _heads = heads;
        qkv = nn.Linear(dim, 3 * dim);
        proj = nn.Linear(dim, dim);
        RegisterComponents();
    }

    public int Dim { get; }

    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 3 || x.shape[2] != Dim)
            throw new ArgumentException($"self-attention: expected tokens [B, N, {Dim}], got [{string.Join(", ", x.shape)}].");
        using var scope = NewDisposeScope();
        var (b, n) = (x.shape[0], x.shape[1]);
        var parts = qkv.forward(x).reshape(b, n, 3, _heads, Dim / _heads).permute(2, 0, 3, 1, 4);
        var attended = nn.functional.scaled_dot_product_attention(parts[0], parts[1], parts[2]);
        return proj.forward(attended.transpose(1, 2).reshape(b, n, Dim)).MoveToOuterDisposeScope();
    }
}
