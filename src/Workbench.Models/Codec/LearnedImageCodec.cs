using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Core.Runtime;
using Workbench.Data.Images;
using Workbench.Models.Codec.Latent;
using Workbench.Models.Layers;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// A learned image codec with a hyperprior: y = Analysis(x) with M channels at stride <see cref="LatentStride"/>,
/// z = HyperAnalysis(y) with N channels at stride <see cref="PadMultiple"/> coded by the <see cref="EntropyBottleneck"/>,
/// the scales of y from <see cref="HyperSynthesis"/> (plain convolutions and ReLUs, which the decoder re-evaluates
/// deterministically on the CPU; a mean-scale model also gives means from a <see cref="MeanHead"/>), and
/// x_hat = Synthesis(y_hat). forward gives the training-time output: z through the entropy bottleneck, y_hat and its
/// likelihoods from <see cref="LatentLikelihoods"/>. <see cref="Compress"/> and <see cref="Decompress"/> code an image
/// with the model's <see cref="LatentCodec"/>; <see cref="ImageCodec"/> wraps them in the codec file container. A
/// variable-rate model (<see cref="Gains"/>) scales y by the gain of the quality before quantisation and y_hat by the
/// inverse gain before the synthesis; everything between sees only the scaled latent.
/// </summary>
public abstract class LearnedImageCodec : nn.Module<Tensor, CodecOutput>
{
    protected LearnedImageCodec(string name) : base(name)
    {
    }

    /// <summary>The identifier written into codec files.</summary>
    public abstract CodecModelId Id { get; }

    /// <summary>Channels N of z (the side information).</summary>
    public abstract int HyperChannels { get; }

    /// <summary>Channels M of y (the latent).</summary>
    public abstract int LatentChannels { get; }

    public abstract EntropyBottleneck EntropyBottleneck { get; }

    /// <summary>The gain units of a variable-rate model; null for a fixed-rate one.</summary>
    public abstract GainUnits? Gains { get; }

    /// <summary>The stride of y: images are padded to multiples of <see cref="PadMultiple"/>, y has 1/16 of their size.</summary>
    public const int LatentStride = 16;

    /// <summary>The total stride of z, to which images are padded.</summary>
    public virtual int PadMultiple => ScaleHyperpriorOptions.PadMultiple;

    /// <summary>How y is coded: under zero-mean scales, or under means and scales from the <see cref="MeanHead"/>.</summary>
    public abstract EntropyModel EntropyModel { get; }

    /// <summary>
    /// Codes y: z through the entropy bottleneck, y through the Gaussian conditional under the decoded z's scales (and
    /// means, for a mean-scale model).
    /// </summary>
    public virtual ILatentCodec LatentCodec => MeanHead is { } meanHead
        ? new MeanScaleHyperSynthesis(HyperSynthesis, meanHead).Codec(HyperAnalysis, EntropyBottleneck, LatentChannels, PadMultiple / LatentStride)
        : new HyperpriorLatentCodec(HyperAnalysis, EntropyBottleneck, new DeterministicHyperSynthesis(HyperSynthesis), LatentChannels, PadMultiple / LatentStride);

    /// <summary>
    /// The hyper-synthesis layers in order (for the deterministic CPU evaluation the decoder uses, which takes convolutions
    /// and ReLUs; a model with other layers here names them in <see cref="CodingRefusal"/>).
    /// </summary>
    internal abstract Sequential HyperSynthesis { get; }

    /// <summary>The mean-scale model's mean head on the hyper-synthesis trunk (<see cref="MeanScaleHyperSynthesis"/>); null for the scale model.</summary>
    internal abstract SameConv3x3? MeanHead { get; }

    public abstract Tensor Analysis(Tensor x);

    public abstract Tensor HyperAnalysis(Tensor y);

    public abstract Tensor Synthesis(Tensor yHat);

    public Tensor HyperSynthesisTorch(Tensor zHat) => HyperSynthesis.forward(zHat);

    public override CodecOutput forward(Tensor x) => forward(x, quality: null);

    /// <summary>The training-time output at <paramref name="quality"/> (which a variable-rate model needs, a fixed-rate one ignores).</summary>
    public CodecOutput forward(Tensor x, CodecQuality? quality)
    {
        using var scope = NewDisposeScope();
        var y = Gained(Analysis(x), quality);
        var (zHat, zLikelihoods) = EntropyBottleneck.forward(HyperAnalysis(y));
        var (yHat, yLikelihoods) = LatentLikelihoods(y, zHat);
        return new CodecOutput(Synthesis(Ungained(yHat, quality)).MoveToOuterDisposeScope(), yLikelihoods.MoveToOuterDisposeScope(), zLikelihoods.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// y_hat and its Gaussian likelihoods given z_hat: y + U(-1/2, 1/2) in training, round(y - mu) + mu in evaluation
    /// (mu = 0 for the scale model), each element's likelihood that of y_hat - mu under N(0, sigma^2).
    /// </summary>
    public (Tensor YHat, Tensor Likelihoods) LatentLikelihoods(Tensor y, Tensor zHat)
    {
        if (MeanHead is not { } meanHead)
        {
            var scales = HyperSynthesis.forward(zHat);
            var rounded = training ? y + (rand_like(y) - 0.5) : y.round();
            return (rounded, GaussianConditional.Likelihood(rounded, scales));
        }
        var (sigma, mu) = new MeanScaleHyperSynthesis(HyperSynthesis, meanHead).Forward(zHat);
        var yHat = training ? y + (rand_like(y) - 0.5) : (y - mu).round() + mu;
        return (yHat, GaussianConditional.Likelihood(yHat - mu, sigma));
    }

    /// <summary>
    /// Whether the transforms give the same floats at every thread count (convolutions do here); a codec whose
    /// transforms sum in a thread-dependent order (matmuls, image-wide means) codes at one thread, so that its files and
    /// decoded images do not depend on the thread count.
    /// </summary>
    protected virtual bool ThreadInvariant => true;

    /// <summary>Why this model codes no files (a layer the decoder cannot evaluate bit-exactly); null when it does.</summary>
    public virtual string? CodingRefusal => null;

    /// <summary>
    /// The evaluation-mode forward of an image padded as <see cref="Compress"/> pads it, at the thread count coding uses:
    /// y and z rounded as coding rounds them, their likelihoods under the model's own entropy models, and g_s(y_hat).
    /// </summary>
    public CodecOutput Estimate(RasterImage image, CodecQuality? quality = null)
    {
        using var threads = CodingThreads();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        eval();
        var parameter = parameters().First();
        var x = ImageTensors.Pad(ImageTensors.ToTensor(image), PadMultiple).to(parameter.dtype, parameter.device);
        var output = forward(x, quality);
        return new CodecOutput(output.Reconstruction.MoveToOuterDisposeScope(), output.YLikelihoods.MoveToOuterDisposeScope(),
            output.ZLikelihoods.MoveToOuterDisposeScope());
    }

    /// <summary>The streams of an image (padded by edge replication to multiples of <see cref="PadMultiple"/>).</summary>
    public IReadOnlyList<byte[]> Compress(RasterImage image, CodecQuality? quality = null)
    {
        RefuseUncodable();
        using var threads = CodingThreads();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        eval();
        return LatentCodec.Compress(Gained(Analysis(ImageTensors.Pad(ImageTensors.ToTensor(image), PadMultiple)), quality));
    }

    /// <summary>The width x height image of streams written by <see cref="Compress"/>: g_s(y_hat), cropped.</summary>
    public RasterImage Decompress(IReadOnlyList<byte[]> streams, int width, int height, CodecQuality? quality = null)
    {
        RefuseUncodable();
        using var threads = CodingThreads();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        eval();
        var yHat = LatentCodec.Decompress(streams, Padded(height) / LatentStride, Padded(width) / LatentStride);
        var parameter = parameters().First();
        return ImageTensors.ToImage(Synthesis(Ungained(yHat.to(parameter.dtype, parameter.device), quality)), width, height);
    }

    /// <summary>Throws the one-line <see cref="CodingRefusal"/> of a model that codes no files.</summary>
    internal void RefuseUncodable()
    {
        if (CodingRefusal is { } reason) throw new ConfigException($"codec: {reason}");
    }

    private Tensor Gained(Tensor y, CodecQuality? quality) => Gains is { } gains ? y * gains.Gain(RateOf(quality)) : y;

    private Tensor Ungained(Tensor yHat, CodecQuality? quality) => Gains is { } gains ? yHat * gains.InverseGain(RateOf(quality)) : yHat;

    private static CodecQuality RateOf(CodecQuality? quality) =>
        quality ?? throw new ArgumentException("a variable-rate codec needs the quality to code at");

    private IDisposable? CodingThreads() => ThreadInvariant ? null : new ThreadCountScope(1);

    private int Padded(int size) => (size + PadMultiple - 1) / PadMultiple * PadMultiple;

    /// <summary>Refuses anything but RGB batches [B, 3, H, W] with H and W multiples of the padding unit.</summary>
    protected static void CheckInput(Tensor x, string model)
    {
        const int multiple = ScaleHyperpriorOptions.PadMultiple;
        if (x.dim() != 4 || x.shape[1] != 3 || x.shape[2] % multiple != 0 || x.shape[3] % multiple != 0)
            throw new ArgumentException($"{model}: expected [B, 3, H, W] with H and W multiples of {multiple}, got [{string.Join(", ", x.shape)}].");
    }
}
