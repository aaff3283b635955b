using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Workbench.Models.Operators.T1;

/// <summary>
/// Transform Once (Poli et al. 2022): one orthonormal transform of the input, every layer on the retained modes, and
/// one inverse at the end (or none, when trained against the transformed target through
/// <see cref="ForwardCoefficients"/>). The pointwise lift commutes with the transform, DCT(W x + b) = W DCT(x) +
/// b sqrt(HW) at the DC mode, so only the C input channels (plus the x, y grid) are transformed, and only on the
/// retained modes: the model's cost does not grow with the grid beyond that O(m N) projection.
/// Input [B, InChannels, H, W], output [B, OutChannels, H, W].
/// </summary>
public sealed class T1Operator : nn.Module<Tensor, Tensor>, IFrequencyDomainLoss
{
    private readonly PointwiseLift lift;
    private readonly ModuleList<T1Layer> layers;
    private readonly Linear head1;
    private readonly Linear head2;

    public T1Operator(T1Options options, ModeSelection? selection = null) : base(nameof(T1Operator))
    {
        options.Validate();
        Options = options;
        Transform = new RetainedTransform(options.Transform, selection ?? ModeSelection.LowPass(options.Transform, options.Modes1, options.Modes2));
        var complex = options.Transform == T1Transform.Dft;
        var rows = Transform.Selection.Rows.Length;
        var columns = Transform.Selection.Columns.Length;
        var liftIn = options.InChannels + 2;
        var liftWeight = (rand(options.Width, liftIn) * 2 - 1) / Math.Sqrt(liftIn);
        lift = new PointwiseLift(liftWeight, (rand(options.Width) * 2 - 1) / Math.Sqrt(liftIn));
        layers = new ModuleList<T1Layer>(Enumerable.Range(0, options.Layers)
            .Select(l => new T1Layer(options.Width, rows, columns, complex, ChannelStd(options, l), options.Init,
                options.LayerActivation, options.Residual, options.ModeMixingInit)).ToArray());
        var paperHead = options.Head == T1Head.Paper;
        head1 = nn.Linear(options.Width, options.HeadWidth, hasBias: !paperHead);
        head2 = nn.Linear(options.HeadWidth, options.OutChannels, hasBias: !paperHead);
        using (no_grad())
        {
            if (paperHead) head1.weight!.copy_(randn(options.HeadWidth, options.Width) * 1e-8);
            head2.weight!.copy_(randn(options.OutChannels, options.HeadWidth) * 1e-8);
            head2.bias?.zero_();
        }
        RegisterComponents();
    }

    public T1Options Options { get; }
    public RetainedTransform Transform { get; }
    public IReadOnlyList<T1Layer> Layers => layers.ToList();

    /// <summary>
    /// Std of the per-mode channel-mixing weights. Variance preserving: the first layer sees the m retained modes of a
    /// full-band field, whose share of the variance is m / N, so std = gain sqrt(N / (c m)) restores it (gain 1 for
    /// the DCT; for the DFT m counts full-spectrum modes, so the half axis is doubled). The released code gives every
    /// layer that std; with the first layer only, later layers act on fields already confined to those modes and take
    /// std = sqrt(1 / c). Kaiming: sqrt(1 / c) everywhere.
    /// </summary>
    public static double ChannelStd(T1Options options, int layer)
    {
        if (options.Init == SpectralInit.Kaiming || (options.Init == SpectralInit.VariancePreservingFirstLayer && layer > 0))
            return Math.Sqrt(1.0 / options.Width);
        double n = (double)options.InitResolution * options.InitResolution;
        double m = options.Transform == T1Transform.Dct ? options.Modes1 * options.Modes2 : (2.0 * options.Modes1 - 1) * (2.0 * options.Modes2 - 1);
        return Math.Sqrt(n / (options.Width * m));
    }

    /// <summary>Null when samples of these shapes fit, else what is wrong.</summary>
    public static string? CheckShapes(T1Options options, ModeSelection selection, long[] input, long[] target)
    {
        if (input.Length != 3 || input[0] != options.InChannels)
            return $"t1 expects input samples [{options.InChannels}, H, W], got [{string.Join(", ", input)}]";
        if (target.Length != 3 || target[0] != options.OutChannels || target[1] != input[1] || target[2] != input[2])
            return $"t1 expects target samples [{options.OutChannels}, {input[1]}, {input[2]}], got [{string.Join(", ", target)}]";
        var rowsNeeded = options.Transform == T1Transform.Dct ? selection.Rows.Max() + 1 : 2 * selection.Rows.Select(Math.Abs).Max() + 1;
        var columnsNeeded = options.Transform == T1Transform.Dct ? selection.Columns.Max() + 1 : 2 * selection.Columns.Max();
        if (input[1] < rowsNeeded || input[2] < columnsNeeded)
            return $"t1 with these modes needs a grid of at least {rowsNeeded}x{columnsNeeded}, got {input[1]}x{input[2]}";
        return null;
    }

    /// <summary>
    /// Retained output coefficients [B, OutChannels, rows, columns] (complex for the DFT) of the orthonormal transform,
    /// or with <see cref="CoefficientScale.Normalised"/> of the orthonormal one divided by sqrt(N) for an H x W = N
    /// grid, so the DC coefficient is the field's mean: a band-limited field then has the same coefficients at every
    /// resolution, and the coefficients are O(1) like the field instead of O(sqrt N) at the low modes.
    /// </summary>
    public Tensor ForwardCoefficients(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (h, w) = (x.shape[^2], x.shape[^1]);
        var coefficients = Transform.Forward(cat([x, Grid(x)], 1)) * ResolutionScale(h, w);
        var z = einsum("bixy,oi->xybo", coefficients, lift.Weight.to(coefficients.dtype)).contiguous();
        if (Transform.Selection.Rows.Contains(0) && Transform.Selection.Columns.Contains(0))
        {
            // The constant lift bias b has coefficient b sqrt(N) at the DC mode of an orthonormal transform.
            var row = Array.IndexOf(Transform.Selection.Rows, 0L);
            var column = Array.IndexOf(Transform.Selection.Columns, 0L);
            var dc = zeros_like(z);
            dc[row, column] = (lift.Bias * Math.Sqrt(h * w) * ResolutionScale(h, w)).to(z.dtype).unsqueeze(0).expand(z.shape[2], -1);
            z = z + dc;
        }
        Func<Tensor, Tensor>? physical = Options.ActivationSpace == ActivationSpace.Physical ? c => PhysicalActivation(c, h, w) : null;
        foreach (var layer in layers) z = layer.Forward(z, physical ?? layer.CoefficientActivation);
        var result = z.is_complex() ? Transform.Hermitian(complex(Head(z.real), Head(z.imag))) : Head(z);
        return result.MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor x) =>
        Transform.Inverse(ForwardCoefficients(x) / ResolutionScale(x.shape[^2], x.shape[^1]), x.shape[^2], x.shape[^1]);

    /// <summary>The target's (scaled) coefficients on the retained modes, to train against without an inverse transform.</summary>
    public Tensor TargetCoefficients(Tensor y) => Transform.Forward(y) * ResolutionScale(y.shape[^2], y.shape[^1]);

    /// <summary>
    /// ||forward(x) - y|| / ||y|| per sample without an inverse transform: by Parseval the error is the retained-mode
    /// error plus the target energy outside the retained modes, ||y||^2 - ||Y_ret||^2.
    /// </summary>
    public Tensor RelativeL2PerSample(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var (h, w) = (y.shape[^2], y.shape[^1]);
        var weights = Transform.ParsevalWeights(w, y.dtype, y.device);
        Tensor Energy(Tensor c) => ((c.is_complex() ? c.abs().square() : c.square()) * weights).flatten(1).sum([1]);
        var prediction = ForwardCoefficients(x);
        var target = TargetCoefficients(y);
        var total = y.square().flatten(1).sum([1]) * ResolutionScale(h, w) * ResolutionScale(h, w);
        var outside = (total - Energy(target)).clamp_min(0);
        return ((Energy(prediction - target) + outside) / total.clamp_min(1e-30)).sqrt().MoveToOuterDisposeScope();
    }

    private double ResolutionScale(long h, long w) => Options.CoefficientScale == CoefficientScale.Normalised ? 1.0 / Math.Sqrt(h * w) : 1.0;

    /// <summary>
    /// The activation on the H x W field that mode-major coefficients [r, k, B, c] stand for, projected back onto the
    /// retained modes: an inverse and a forward retained transform per layer, as an FNO layer pays for it.
    /// </summary>
    private Tensor PhysicalActivation(Tensor z, long h, long w)
    {
        var scale = ResolutionScale(h, w);
        var field = Transform.Inverse(z.permute(2, 3, 0, 1) / scale, h, w);
        var activated = T1Layer.Apply(Options.LayerActivation, field);
        return (Transform.Forward(activated) * scale).permute(2, 3, 0, 1).contiguous();
    }

    /// <summary>The pointwise head on mode-major features [r, k, B, c], returning [B, OutChannels, r, k].</summary>
    private Tensor Head(Tensor z) => head2.forward(sin(head1.forward(z))).permute(2, 3, 0, 1);

    /// <summary>x and y in [0, 1): cell centres (n + 1/2) / N for the DCT (its sampling points), n / N for the periodic DFT.</summary>
    private Tensor Grid(Tensor x)
    {
        var (b, h, w) = (x.shape[0], x.shape[^2], x.shape[^1]);
        var offset = Options.Transform == T1Transform.Dct ? 0.5 : 0.0;
        var rows = ((arange(h, dtype: x.dtype, device: x.device) + offset) / h).view(1, 1, h, 1).expand(b, 1, h, w);
        var columns = ((arange(w, dtype: x.dtype, device: x.device) + offset) / w).view(1, 1, 1, w).expand(b, 1, h, w);
        return cat([rows, columns], 1);
    }
}
