using TorchSharp;
using TorchSharp.Modules;
using Workbench.Spectral.Wavelets;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.Wadepre;

/// <summary>
/// Forecasts the detail bands of every level (coarsest first, each (H, V, D) [B, T_in, h_l, w_l]). Per level the three
/// orientations are folded into the batch and a temporal MLP maps the T_in frames of each pixel to features; a
/// 3-level feature pyramid passes coarse features down (bilinear upsampling, added, then a 3x3 conv); a skip branch
/// (linear) keeps each level's own features; a second temporal MLP with a zero-initialised output maps to T_out frames,
/// added to the last input band (persistence at initialisation).
/// </summary>
public sealed class DetailNetwork : nn.Module
{
    private readonly ModuleList<Linear> embed1;
    private readonly ModuleList<Linear> embed2;
    private readonly ModuleList<Conv2d> smooth;
    private readonly ModuleList<Linear> skip;
    private readonly ModuleList<Linear> out1;
    private readonly ModuleList<Linear> out2;

    public DetailNetwork(WadepreOptions o) : base(nameof(DetailNetwork))
    {
        var (c, levels) = (o.DetailWidth, o.Levels);
        ModuleList<T> PerLevel<T>(Func<T> make) where T : nn.Module => new(Enumerable.Range(0, levels).Select(_ => make()).ToArray());
        embed1 = PerLevel(() => nn.Linear(o.InputFrames, c));
        embed2 = PerLevel(() => nn.Linear(c, c));
        smooth = PerLevel(() => nn.Conv2d(c, c, 3, padding: 1));
        skip = PerLevel(() => nn.Linear(c, c));
        out1 = PerLevel(() => nn.Linear(c, c));
        out2 = PerLevel(() => ZeroInit.Linear(nn.Linear(c, o.OutputFrames)));
        RegisterComponents();
    }

    public IReadOnlyList<DetailBands2D> Forward(IReadOnlyList<DetailBands2D> details)
    {
        using var scope = NewDisposeScope();
        var features = new Tensor[details.Count];
        var inputs = new Tensor[details.Count];
        for (var l = 0; l < details.Count; l++)
        {
            var d = details[l];
            var bands = stack([d.Horizontal, d.Vertical, d.Diagonal], 1); // [B, 3, T, h, w]
            inputs[l] = bands;
            var pixels = bands.flatten(0, 1).permute(0, 2, 3, 1); // [B*3, h, w, T]
            features[l] = embed2[l].forward(nn.functional.gelu(embed1[l].forward(pixels)));
        }

        var result = new List<DetailBands2D>();
        Tensor? above = null;
        for (var l = 0; l < details.Count; l++)
        {
            var lateral = features[l].permute(0, 3, 1, 2);
            var merged = above is null ? lateral
                : lateral + nn.functional.interpolate(above, [lateral.shape[2], lateral.shape[3]], mode: InterpolationMode.Bilinear, align_corners: false);
            above = merged;
            var pyramid = nn.functional.gelu(smooth[l].forward(merged)).permute(0, 2, 3, 1);
            var h = pyramid + skip[l].forward(features[l]);
            var frames = out2[l].forward(nn.functional.gelu(out1[l].forward(h))).permute(0, 3, 1, 2); // [B*3, T_out, h, w]
            var shape = inputs[l].shape;
            var last = inputs[l].narrow(2, shape[2] - 1, 1);
            var forecast = frames.reshape(shape[0], 3, frames.shape[1], shape[3], shape[4]) + last;
            result.Add(new DetailBands2D(forecast[.., 0].MoveToOuterDisposeScope(), forecast[.., 1].MoveToOuterDisposeScope(),
                forecast[.., 2].MoveToOuterDisposeScope()));
        }
        return result;
    }
}
