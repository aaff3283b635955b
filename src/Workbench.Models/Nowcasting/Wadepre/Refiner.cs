using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.Wadepre;

/// <summary>
/// Corrects the wavelet reconstruction in pixel space. Input channels: the A-only reconstruction, the D-only
/// reconstruction, AD = IDWT(A_pred, D_pred) (T_out frames each) and the last observed frame. A 3x3 stem feeds two
/// residual branches (plain and dilation-2 3x3 convs), a 1x1 mixer joins them, and a zero-initialised 1x1 output gives
/// delta; the forecast is AD + delta.
/// </summary>
public sealed class Refiner : nn.Module
{
    private readonly Conv2d stem;
    private readonly Conv2d plain1, plain2, dilated1, dilated2;
    private readonly Conv2d mixer;
    private readonly Conv2d output;

    public Refiner(WadepreOptions o) : base(nameof(Refiner))
    {
        var r = o.RefinerWidth;
        stem = nn.Conv2d(3 * o.OutputFrames + 1, r, 3, padding: 1);
        plain1 = nn.Conv2d(r, r, 3, padding: 1);
        plain2 = nn.Conv2d(r, r, 3, padding: 1);
        dilated1 = nn.Conv2d(r, r, 3, padding: 2, dilation: 2);
        dilated2 = nn.Conv2d(r, r, 3, padding: 2, dilation: 2);
        mixer = nn.Conv2d(2 * r, r, 1);
        output = ZeroInit.Conv(nn.Conv2d(r, o.OutputFrames, 1));
        RegisterComponents();
    }

    public Tensor Forward(Tensor approximationOnly, Tensor detailOnly, Tensor combined, Tensor lastFrame)
    {
        using var scope = NewDisposeScope();
        var h = nn.functional.gelu(stem.forward(cat([approximationOnly, detailOnly, combined, lastFrame], 1)));
        var first = h + plain2.forward(nn.functional.gelu(plain1.forward(h)));
        var second = h + dilated2.forward(nn.functional.gelu(dilated1.forward(h)));
        var mixed = nn.functional.gelu(mixer.forward(cat([first, second], 1)));
        return (combined + output.forward(mixed)).MoveToOuterDisposeScope();
    }
}
