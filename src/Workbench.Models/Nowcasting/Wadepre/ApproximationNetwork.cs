using TorchSharp;
using TorchSharp.Modules;
using Workbench.Models.Layers;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.Wadepre;

/// <summary>
/// Forecasts the coarsest approximation band [B, T_in, h, w] -> [B, T_out, h, w]: a 3x3 stem over the frames plus a
/// temporal injector (Conv3d spanning all input frames), three spatio-temporal blocks of pre-norm residual 3x3 convs
/// with dilations 1, 2, 4 (GroupNorm, GELU), and a zero-initialised 1x1 head added to the last input band, so an
/// untrained network starts from persistence of the approximation.
/// </summary>
public sealed class ApproximationNetwork : nn.Module<Tensor, Tensor>
{
    private static readonly int[] Dilations = [1, 2, 4];
    private readonly Conv2d stem;
    private readonly Conv3d injector;
    private readonly ModuleList<GroupNormalization> norms;
    private readonly ModuleList<Conv2d> convs;
    private readonly Conv2d head;

    public ApproximationNetwork(WadepreOptions o) : base(nameof(ApproximationNetwork))
    {
        var c = o.ApproximationWidth;
        stem = nn.Conv2d(o.InputFrames, c, 3, padding: 1);
        injector = nn.Conv3d(1, c, (o.InputFrames, 3, 3), padding: (0, 1, 1));
        var layers = 3 * Dilations.Length;
        norms = new ModuleList<GroupNormalization>(Enumerable.Range(0, layers).Select(_ => new GroupNormalization(o.Groups, c)).ToArray());
        convs = new ModuleList<Conv2d>(Enumerable.Range(0, layers)
            .Select(i => nn.Conv2d(c, c, 3, padding: Dilations[i % Dilations.Length], dilation: Dilations[i % Dilations.Length])).ToArray());
        head = ZeroInit.Conv(nn.Conv2d(c, o.OutputFrames, 1));
        RegisterComponents();
    }

    public override Tensor forward(Tensor a)
    {
        using var scope = NewDisposeScope();
        var h = stem.forward(a) + injector.forward(a.unsqueeze(1)).squeeze(2);
        for (var i = 0; i < convs.Count; i++)
            h = h + convs[i].forward(nn.functional.gelu(norms[i].forward(h)));
        var last = a.narrow(1, a.shape[1] - 1, 1);
        return (head.forward(h) + last).MoveToOuterDisposeScope();
    }
}
