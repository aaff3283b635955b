using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Spectral.Wavelets;
using static TorchSharp.torch;

namespace Workbench.Models.Nowcasting.Wadepre;

/// <summary>
/// WADEPre (REFERENCES section 7): frames [B, T_in, H, W] (uint8 VIL scale) are scaled by 1/255 and split by a
/// 3-level bior2.4 DWT (reflect) into the approximation A and the details D; the approximation and detail networks
/// forecast each; the refiner reads IDWT(A_pred, 0), IDWT(0, D_pred), AD = IDWT(A_pred, D_pred) and the last frame
/// and returns AD + delta, scaled back to VIL pixels.
/// </summary>
public sealed class WadepreModel : nn.Module<Tensor, Tensor>, ITrainingObjective
{
    public const double PixelScale = 255;
    private readonly ApproximationNetwork approximation;
    private readonly DetailNetwork details;
    private readonly Refiner refiner;
    private readonly Wavelet _wavelet;

    public WadepreModel(WadepreOptions options) : base(nameof(WadepreModel))
    {
        options.Validate();
        Options = options;
        _wavelet = Wavelet.Parse(options.Wavelet);
        approximation = new ApproximationNetwork(options);
        details = new DetailNetwork(options);
        refiner = new Refiner(options);
        RegisterComponents();
    }

    public WadepreOptions Options { get; }

    public static string? CheckShapes(WadepreOptions options, long[] input, long[] target)
    {
        if (input.Length != 3 || input[0] != options.InputFrames)
            return $"wadepre expects input samples [{options.InputFrames}, H, W], got [{string.Join(", ", input)}]";
        if (target.Length != 3 || target[0] != options.OutputFrames || target[1] != input[1] || target[2] != input[2])
            return $"wadepre expects target samples [{options.OutputFrames}, {input[1]}, {input[2]}], got [{string.Join(", ", target)}]";
        if (Math.Min(input[1], input[2]) < 16) return $"wadepre needs frames of at least 16 x 16, got {input[1]} x {input[2]}";
        return null;
    }

    /// <summary>The wavelet split the model uses, of frames on the internal scale.</summary>
    public WaveletCoefficients2D Decompose(Tensor scaled) => WaveletPyramid.Decompose(scaled, _wavelet, Options.Levels, ExtensionMode.Reflect);

    public WadepreComponents Components(Tensor x)
    {
        if (x.dim() != 4 || CheckShapes(Options, x.shape[1..], [Options.OutputFrames, .. x.shape[2..]]) is { } problem)
            throw new ArgumentException($"wadepre: expected input [B, {Options.InputFrames}, H, W], got [{string.Join(", ", x.shape)}]");
        var scaled = x / PixelScale;
        var coefficients = Decompose(scaled);
        var a = approximation.forward(coefficients.Approximation);
        var d = details.Forward(coefficients.Details);
        var zeroDetails = d.Select(b => new DetailBands2D(zeros_like(b.Horizontal), zeros_like(b.Vertical), zeros_like(b.Diagonal))).ToList();
        var approximationOnly = WaveletPyramid.Reconstruct(a, zeroDetails, coefficients);
        var detailOnly = WaveletPyramid.Reconstruct(zeros_like(a), d, coefficients);
        var combined = WaveletPyramid.Reconstruct(a, d, coefficients);
        var output = refiner.Forward(approximationOnly, detailOnly, combined, scaled.narrow(1, x.shape[1] - 1, 1));
        return new WadepreComponents(output, a, d, combined, approximationOnly, detailOnly);
    }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return (Components(x).Output * PixelScale).MoveToOuterDisposeScope();
    }

    public Tensor TrainingLossPerSample(Tensor input, Tensor target, long step, Func<Tensor, Tensor, Tensor> reconstruction)
    {
        using var scope = NewDisposeScope();
        var scaled = target / PixelScale;
        var loss = WadepreLoss.PerSample(Components(input), Decompose(scaled), scaled, Options, Options.Schedule.At(step), reconstruction);
        return loss.MoveToOuterDisposeScope();
    }
}
