using TorchSharp;
using TorchSharp.Modules;
using Workbench.Models.Layers;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// HCFSSNet (Pan et al., arXiv 2511.20151) on RGB images [B, 3, H, W] in [0, 1] with H, W multiples of 64: the scale
/// hyperprior's layout with a hybrid CNN / frequency state-space transform.
/// g_a: Down(3,N) GDN Down(N,N) GDN VFSS Down(N,N) GDN VFSS Down(N,M), i.e. <see cref="VfssBlock"/>s at strides 4 and
/// 8 by default (<see cref="HcfssnetOptions.VfssStrides"/> places them); g_s mirrors it (Up, IGDN, VFSS at strides 8
/// and 4). h_a: Same(M,N) ReLU FSTAM Down(N,N) ReLU Down(N,N) on |y|, with the <see cref="FstamBlock"/> at stride 16.
/// h_s is exactly the hyperprior's Up(N,N) ReLU Up(N,N) ReLU Same(N,M) ReLU: the decoder re-evaluates it
/// deterministically on the CPU, so the probability model of y stays bit-exact across machines; that is why the
/// paper's FSTAM sits in the hyper-analysis (encoder only) here (<see cref="HcfssnetOptions.FstamInHyperSynthesis"/>
/// adds one to h_s for training and estimated rates). Entropy models (scale, or mean-scale with the mean head h_m),
/// noise and rounding as in <see cref="ScaleHyperprior"/>.
/// </summary>
public sealed class Hcfssnet : LearnedImageCodec
{
    private readonly Sequential g_a;
    private readonly Sequential g_s;
    private readonly Sequential h_a;
    private readonly Sequential h_s;
    private readonly EntropyBottleneck entropy_bottleneck;
    private readonly GainUnits? gain_units;
    private readonly SameConv3x3? h_m;

    public Hcfssnet(HcfssnetOptions options) : base(nameof(Hcfssnet))
    {
        options.Validate();
        Options = options;
        var (n, m) = (options.N, options.M);
        g_a = nn.Sequential(AnalysisLayers(options).ToArray());
        g_s = nn.Sequential(SynthesisLayers(options).ToArray());
        h_a = nn.Sequential(CodecLayers.Same(m, n), nn.ReLU(), new FstamBlock(n, options), CodecLayers.Down(n, n), nn.ReLU(), CodecLayers.Down(n, n));
        h_s = options.FstamInHyperSynthesis
            ? nn.Sequential(CodecLayers.Up(n, n), nn.ReLU(), CodecLayers.Up(n, n), nn.ReLU(), new FstamBlock(n, options), CodecLayers.Same(n, m), nn.ReLU())
            : nn.Sequential(CodecLayers.Up(n, n), nn.ReLU(), CodecLayers.Up(n, n), nn.ReLU(), CodecLayers.Same(n, m), nn.ReLU());
        entropy_bottleneck = new EntropyBottleneck(n);
        gain_units = options.RateLevels is { } levels ? new GainUnits(levels, m) : null;
        if (options.EntropyModel == EntropyModel.MeanScale) h_m = CodecLayers.Same(n, m);
        RegisterComponents();
    }

    public HcfssnetOptions Options { get; }

    public override string? CodingRefusal => Options.FstamInHyperSynthesis
        ? "this hcfssnet model has an FSTAM block in its hyper-synthesis, which the decoder cannot evaluate bit-exactly, so it codes no files " +
          "(codec evaluate --estimate measures it)"
        : null;

    public override CodecModelId Id => CodecModelId.Hcfssnet;

    public override int HyperChannels => Options.N;

    public override int LatentChannels => Options.M;

    public override EntropyBottleneck EntropyBottleneck => entropy_bottleneck;

    public override GainUnits? Gains => gain_units;

    public override EntropyModel EntropyModel => Options.EntropyModel;

    internal override SameConv3x3? MeanHead => h_m;

    internal override Sequential HyperSynthesis => h_s;

    /// <summary>The four layer stacks in order, by their parameter-name prefixes.</summary>
    internal IReadOnlyList<(string Name, Sequential Layers)> Stages => [(nameof(g_a), g_a), (nameof(g_s), g_s), (nameof(h_a), h_a), (nameof(h_s), h_s)];

    /// <summary>The scans' and attention's matmuls and the frequency modulation's image-wide means are not.</summary>
    protected override bool ThreadInvariant => false;

    public override Tensor Analysis(Tensor x)
    {
        CheckInput(x, "hcfssnet");
        return g_a.forward(x);
    }

    public override Tensor HyperAnalysis(Tensor y) => h_a.forward(y.abs());

    public override Tensor Synthesis(Tensor yHat) => g_s.forward(yHat);

    /// <summary>g_a's layers in order: Down GDN [VFSS] at strides 2, 4 and 8, then Down(N, M) [VFSS at 16].</summary>
    private static IEnumerable<nn.Module<Tensor, Tensor>> AnalysisLayers(HcfssnetOptions options)
    {
        var (n, m, strides) = (options.N, options.M, options.VfssStrides);
        foreach (var stride in new[] { 2, 4, 8 })
        {
            yield return CodecLayers.Down(stride == 2 ? 3 : n, n);
            yield return new Gdn(n);
            if (strides.Contains(stride)) yield return new VfssBlock(n, options);
        }
        yield return CodecLayers.Down(n, m);
        if (strides.Contains(16)) yield return new VfssBlock(m, options);
    }

    /// <summary>g_s's layers in order, mirroring g_a: [VFSS at 16], then Up IGDN [VFSS] to strides 8, 4 and 2, then Up(N, 3).</summary>
    private static IEnumerable<nn.Module<Tensor, Tensor>> SynthesisLayers(HcfssnetOptions options)
    {
        var (n, m, strides) = (options.N, options.M, options.VfssStrides);
        if (strides.Contains(16)) yield return new VfssBlock(m, options);
        foreach (var stride in new[] { 8, 4, 2 })
        {
            yield return CodecLayers.Up(stride == 8 ? m : n, n);
            yield return new Gdn(n, inverse: true);
            if (strides.Contains(stride)) yield return new VfssBlock(n, options);
        }
        yield return CodecLayers.Up(n, 3);
    }
}
