using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Fno;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.Sfno;

/// <summary>
/// Spatiotemporal FNO on frames [B, InputSteps, X, Y] -> [B, OutputSteps, X, Y] (REFERENCES section 4). The frames
/// become w[B, 1, X, Y, T]; the lifting appends <see cref="PositionalEncoding"/>, applies GroupNorm(1), a pointwise map
/// to Width, a spectral conv over (x, y, t) that resamples time to LatentSteps, and a feed-forward block; Layers - 1
/// layers v &lt;- FFN(SpectralConv(v)) + Linear(v) follow (GELU between). A pointwise reduction to one channel gives the
/// latent; the output layer, a 1 -> 1 spectral conv over (x, y, t), resamples it to OutputSteps, and the last input
/// frame is added. With TemporalPadding the output layer reads the sequence [zeros, last input frame, latent] instead, so
/// the forecast window is the second half of the period and need not be periodic itself. Every layer acts on Fourier-series coefficients, so a model trained on one grid runs on any other
/// (zero-shot super-resolution). <see cref="Latent"/> and <see cref="Head"/> split the model at the reduction layer.
/// </summary>
public sealed class Sfno : nn.Module<Tensor, Tensor>
{
    private readonly GroupNorm norm;
    private readonly Conv3d lift;
    private readonly ModuleList<SpectralConv> spectral;
    private readonly ModuleList<PointwiseFeedForward> feed_forward;
    private readonly ModuleList<Conv3d> skip;
    private readonly PointwiseFeedForward reduce;
    private readonly SpectralConv output;

    public Sfno(SfnoOptions options) : base(nameof(Sfno))
    {
        options.Validate();
        Options = options;
        var features = PositionalEncoding.Channels(options.TemporalBases);
        // No affine part: the pointwise lift that follows is affine already (and TorchSharp leaves GroupNorm's affine
        // parameters uninitialised).
        norm = nn.GroupNorm(1, features, affine: false);
        lift = nn.Conv3d(features, options.Width, 1);
        spectral = new ModuleList<SpectralConv>(Enumerable.Range(0, options.Layers)
            .Select(_ => SpectralLayer(options.Width, options.Width, options.Modes1, options.Modes2, options.ModesT)).ToArray());
        feed_forward = new ModuleList<PointwiseFeedForward>(Enumerable.Range(0, options.Layers)
            .Select(_ => new PointwiseFeedForward(options.Width, options.Expansion * options.Width, options.Width)).ToArray());
        skip = new ModuleList<Conv3d>(Enumerable.Range(1, options.Layers - 1).Select(_ => nn.Conv3d(options.Width, options.Width, 1)).ToArray());
        reduce = new PointwiseFeedForward(options.Width, options.ProjectionWidth, 1);
        output = SpectralLayer(1, 1, options.OutputModes1, options.OutputModes2, options.OutputModesT);
        RegisterComponents();
    }

    public SfnoOptions Options { get; }

    /// <summary>The output spectral layer (the one the refiner replaces).</summary>
    public SpectralConv OutputLayer => output;

    /// <summary>Null when a sample [InputSteps, X, Y] -> [OutputSteps, X, Y] fits the model, else what is wrong.</summary>
    public static string? CheckShapes(SfnoOptions options, long[] input, long[] target)
    {
        if (input.Length != 3 || input[0] != options.InputSteps || input[1] < 2 || input[2] < 2)
            return $"sfno expects input samples [{options.InputSteps}, X >= 2, Y >= 2], got [{string.Join(", ", input)}]";
        if (target.Length != 3 || target[0] != options.OutputSteps || target[1] != input[1] || target[2] != input[2])
            return $"sfno expects target samples [{options.OutputSteps}, {input[1]}, {input[2]}], got [{string.Join(", ", target)}]";
        return null;
    }

    public override Tensor forward(Tensor x) => Head(output, Latent(x), x);

    /// <summary>Everything up to and including the reduction layer: [B, InputSteps, X, Y] -> [B, 1, X, Y, LatentSteps].</summary>
    public Tensor Latent(Tensor x)
    {
        if (x.dim() != 4 || x.shape[1] != Options.InputSteps || x.shape[2] < 2 || x.shape[3] < 2)
            throw new ArgumentException(
                $"sfno: expected input [B, {Options.InputSteps}, X >= 2, Y >= 2], got [{string.Join(", ", x.shape)}].");
        using var scope = NewDisposeScope();
        var w = x.permute(0, 2, 3, 1).unsqueeze(1);
        var h = PointwiseLinear.Apply(lift, norm.forward(PositionalEncoding.Append(w, Options.TemporalBases)));
        h = nn.functional.gelu(feed_forward[0].forward(spectral[0].forward(h, [h.shape[2], h.shape[3], Options.LatentSteps])));
        for (var layer = 1; layer < spectral.Count; layer++)
        {
            h = feed_forward[layer].forward(spectral[layer].forward(h)) + PointwiseLinear.Apply(skip[layer - 1], h);
            if (layer < spectral.Count - 1) h = nn.functional.gelu(h);
        }
        return reduce.forward(h).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The time lengths the output layer reads and writes for a latent of <paramref name="latentSteps"/> frames: without
    /// padding the latent and OutputSteps; with it twice (latent + 1) and twice (OutputSteps + 1), so that the last input
    /// frame (read at index latent + 1) and the frame before the forecast (written at index OutputSteps + 1) sit at the same
    /// instant, half a period in.
    /// </summary>
    public (long Read, long Written) OutputWindow(long latentSteps) => Options.TemporalPadding
        ? (2 * (latentSteps + 1), 2 * (Options.OutputSteps + 1L))
        : (latentSteps, Options.OutputSteps);

    /// <summary>
    /// The output stage: <paramref name="layer"/> maps the latent [B, 1, X, Y, T_latent] (after the padding, if any) to
    /// OutputSteps frames [B, OutputSteps, X, Y], which are added to the last frame of <paramref name="input"/> [B, T_in, X, Y].
    /// </summary>
    public Tensor Head(SpectralConv layer, Tensor latent, Tensor input)
    {
        using var scope = NewDisposeScope();
        var steps = Options.OutputSteps;
        if (Options.TemporalPadding)
        {
            var period = HeadPeriod(layer, latent, input);
            return period.narrow(1, period.shape[1] - steps, steps).MoveToOuterDisposeScope();
        }
        var last = input.narrow(1, input.shape[1] - 1, 1);
        return (layer.forward(latent, [latent.shape[2], latent.shape[3], steps]).squeeze(1).permute(0, 3, 1, 2) + last).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// A padded head over its whole period, [B, 2 (OutputSteps + 1), X, Y]: a trigonometric polynomial in time whose last
    /// OutputSteps frames are the forecast (so its exact time derivative follows from a Fourier series over the period).
    /// </summary>
    public Tensor HeadPeriod(SpectralConv layer, Tensor latent, Tensor input)
    {
        if (!Options.TemporalPadding) throw new WorkbenchException("sfno: only a temporally padded head has a period beyond its forecast.");
        using var scope = NewDisposeScope();
        var last = input.narrow(1, input.shape[1] - 1, 1);
        var sequence = cat([last.unsqueeze(-1), latent], -1);
        var (_, written) = OutputWindow(latent.shape[^1]);
        var frames = layer.forward(cat([zeros_like(sequence), sequence], -1), [latent.shape[2], latent.shape[3], written]);
        return (frames.squeeze(1).permute(0, 3, 1, 2) + last).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// A spectral layer over (x, y, t) under the 'forward' normalisation (it resamples time), its weights drawn by the FNO
    /// release's rule, real and imaginary parts U[0, 1) / (c_in c_out), in the channel-major order [c_in, c_out, modes, 2].
    /// </summary>
    private static SpectralConv SpectralLayer(int inChannels, int outChannels, int modesX, int modesY, int modesT) =>
        SpectralConv.FromChannelMajor(rand([inChannels, outChannels, 2L * modesX, 2L * modesY, modesT, 2]) / (inChannels * (double)outChannels),
            FFTNormType.Forward);
}
