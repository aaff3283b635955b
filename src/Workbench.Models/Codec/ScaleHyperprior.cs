using TorchSharp;
using TorchSharp.Modules;
using Workbench.Models.Layers;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Scale hyperprior on RGB images [B, 3, H, W] in [0, 1] with H, W multiples of 64.
/// g_a: Down(3,N) GDN Down(N,N) GDN Down(N,N) GDN Down(N,M); g_s mirrors it with IGDN and transposed convolutions;
/// h_a: Same(M,N) ReLU Down(N,N) ReLU Down(N,N) on |y|; h_s: Up(N,N) ReLU Up(N,N) ReLU Same(N,M) ReLU gives the scales
/// of y. z goes through an <see cref="EntropyBottleneck"/>, y through the <see cref="GaussianConditional"/>; in training
/// both are perturbed by uniform noise, in evaluation both are rounded (z around its medians). With the mean-scale
/// entropy model, h_m: Same(N,M) on h_s's output before its last convolution gives the means of y; it is built after
/// every other layer, so the other layers start from the same random weights under either entropy model.
/// </summary>
public sealed class ScaleHyperprior : LearnedImageCodec
{
    private readonly Sequential g_a;
    private readonly Sequential g_s;
    private readonly Sequential h_a;
    private readonly Sequential h_s;
    private readonly EntropyBottleneck entropy_bottleneck;
    private readonly GainUnits? gain_units;
    private readonly SameConv3x3? h_m;

    public ScaleHyperprior(ScaleHyperpriorOptions options) : base(nameof(ScaleHyperprior))
    {
        options.Validate();
        Options = options;
        var (n, m) = (options.N, options.M);
        g_a = nn.Sequential(CodecLayers.Down(3, n), new Gdn(n), CodecLayers.Down(n, n), new Gdn(n), CodecLayers.Down(n, n), new Gdn(n), CodecLayers.Down(n, m));
        g_s = nn.Sequential(CodecLayers.Up(m, n), new Gdn(n, inverse: true), CodecLayers.Up(n, n), new Gdn(n, inverse: true),
            CodecLayers.Up(n, n), new Gdn(n, inverse: true), CodecLayers.Up(n, 3));
        h_a = nn.Sequential(CodecLayers.Same(m, n), nn.ReLU(), CodecLayers.Down(n, n), nn.ReLU(), CodecLayers.Down(n, n));
        h_s = nn.Sequential(CodecLayers.Up(n, n), nn.ReLU(), CodecLayers.Up(n, n), nn.ReLU(), CodecLayers.Same(n, m), nn.ReLU());
        entropy_bottleneck = new EntropyBottleneck(n);
        gain_units = options.RateLevels is { } levels ? new GainUnits(levels, m) : null;
        if (options.EntropyModel == EntropyModel.MeanScale) h_m = CodecLayers.Same(n, m);
        RegisterComponents();
    }

    public ScaleHyperpriorOptions Options { get; }

    public override CodecModelId Id => CodecModelId.Hyperprior;

    public override int HyperChannels => Options.N;

    public override int LatentChannels => Options.M;

    public override EntropyBottleneck EntropyBottleneck => entropy_bottleneck;

    public override GainUnits? Gains => gain_units;

    public override EntropyModel EntropyModel => Options.EntropyModel;

    internal override SameConv3x3? MeanHead => h_m;

    internal override Sequential HyperSynthesis => h_s;

    public override Tensor Analysis(Tensor x)
    {
        CheckInput(x, "scale hyperprior");
        return g_a.forward(x);
    }

    public override Tensor HyperAnalysis(Tensor y) => h_a.forward(y.abs());

    public override Tensor Synthesis(Tensor yHat) => g_s.forward(yHat);
}
