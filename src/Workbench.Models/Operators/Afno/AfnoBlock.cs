using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Afno;

/// <summary>
/// FourCastNet's AFNO block on channels-last [B, H, W, d]: x1 = mixer(LN(x)), plus x when double skip; then
/// out = r + MLP(LN(x1)) with r = x1 under double skip and r = x otherwise (the FourCastNet residual), MLP
/// d -> MlpRatio d -> GELU -> d. LayerNorm eps 1e-6 as in FourCastNet.
/// </summary>
public sealed class AfnoBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly AfnoMixer mixer;
    private readonly LayerNorm norm2;
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly bool _doubleSkip;

    public AfnoBlock(int dim, int blocks, int hiddenFactor, double sparsityThreshold, double modeFraction, bool doubleSkip, int mlpRatio)
        : base(nameof(AfnoBlock))
    {
        _doubleSkip = doubleSkip;
        norm1 = nn.LayerNorm(dim, 1e-6);
        mixer = new AfnoMixer(dim, blocks, hiddenFactor, sparsityThreshold, modeFraction);
        norm2 = nn.LayerNorm(dim, 1e-6);
        fc1 = nn.Linear(dim, mlpRatio * dim);
        fc2 = nn.Linear(mlpRatio * dim, dim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var x1 = mixer.forward(norm1.forward(x));
        if (_doubleSkip) x1 = x1 + x;
        var residual = _doubleSkip ? x1 : x;
        var mlp = fc2.forward(nn.functional.gelu(fc1.forward(norm2.forward(x1))));
        return (residual + mlp).MoveToOuterDisposeScope();
    }
}
