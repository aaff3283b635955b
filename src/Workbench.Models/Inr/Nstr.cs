using TorchSharp;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Models.Inr;

/// <summary>
/// Neural Spectral Transport Representation: coordinates [N, d] in [-1, 1] -> [N, OutDim] (see <see cref="NstrOptions"/>
/// for the formula). <see cref="TransportResidual"/> is the PDE-supervision term mean ||grad S - F_theta(x, S)||^2
/// that the fitting loop adds with weight TransportWeight. F_theta is needed only in training but its parameters
/// count towards the model's size.
/// Defaults, from short CPU runs (camera box-downscaled to 64^2, 50k parameters, 100 steps, `workbench inr fit`):
/// a dense-grid S(x) with a 3-layer decoder reached 19.3 dB whatever the other choices (K = 128: 18.6 dB, fixed
/// omega: 19.2 dB, lambda = 0: 19.2 dB); a hash-grid S(x) reached 23.5 dB at lr 1e-3 and 33.9 dB with the hash-grid
/// Adam settings (lr 1e-2), so the default field is a 16-level hash grid sized by the budget, K = 64, decoder 2 x 64,
/// F_theta 1 x 64, finite differences (the autograd Jacobian needs K backward passes). The transport term costs
/// accuracy: 35.3 dB with lambda = 0 there, and at 128^2 / 200k / 100 steps 34.6 dB against 32.8 dB with the default
/// lambda = 1e-4 (experiments/results/inr-camera-128px-200k*.json); it is kept small rather than off because it is
/// what makes S a transported spectrum rather than a free feature grid.
/// </summary>
public sealed class Nstr : nn.Module<Tensor, Tensor>
{
    private readonly Parameter omega;
    private readonly Parameter phase;
    private readonly SpectrumField spectrum;
    private readonly Sequential decoder;
    private readonly Sequential transport;

    public Nstr(NstrOptions options, Generator? generator = null) : base(nameof(Nstr))
    {
        if (options.InDim < 1 || options.OutDim < 1 || options.Frequencies < 1 || options.DecoderHidden < 1 || options.DecoderLayers < 0
            || options.TransportHidden < 1 || options.TransportLayers < 0 || options.FrequencySigma <= 0 || options.TransportWeight < 0 || options.DifferenceStep <= 0)
            throw new WorkbenchException($"nstr: sizes, sigma and difference step must be positive and the transport weight non-negative, got {options}.");
        Options = options;
        var frequencies = randn([options.Frequencies, options.InDim], generator: generator).mul_(2 * Math.PI * options.FrequencySigma);
        omega = nn.Parameter(frequencies, requires_grad: options.LearnFrequencies);
        phase = nn.Parameter(rand([options.Frequencies], generator: generator).mul_(2 * Math.PI).sub_(Math.PI));
        spectrum = new SpectrumField(options, generator);
        decoder = InrInit.ReluMlp(options.Frequencies, options.DecoderHidden, options.DecoderLayers, options.OutDim, generator);
        transport = InrInit.ReluMlp(options.InDim + options.Frequencies, options.TransportHidden, options.TransportLayers,
            (long)options.Frequencies * options.InDim, generator);
        RegisterComponents();
    }

    public NstrOptions Options { get; }

    /// <summary>The global frequencies omega [K, d] in radians per unit of x (a frozen parameter unless LearnFrequencies).</summary>
    public Tensor Frequencies => omega;

    /// <summary>The local spectrum S(x): [N, d] -> [N, K].</summary>
    public Tensor Spectrum(Tensor x)
    {
        InrInit.CheckCoordinates("nstr", x, Options.InDim);
        return spectrum.forward(x);
    }

    /// <summary>F_theta(x, S(x)) reshaped to [N, K, d].</summary>
    public Tensor Flow(Tensor x, Tensor s)
    {
        using var scope = NewDisposeScope();
        return transport.forward(cat([x, s], 1)).reshape(x.shape[0], Options.Frequencies, Options.InDim).MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor x)
    {
        InrInit.CheckCoordinates("nstr", x, Options.InDim);
        using var scope = NewDisposeScope();
        var waves = sin(matmul(x, Frequencies.to(x.dtype).t()) + phase);
        return decoder.forward(spectrum.forward(x) * waves).MoveToOuterDisposeScope();
    }

    /// <summary>grad S(x) as [N, K, d], by central differences or autograd per <see cref="NstrOptions.Gradient"/>.</summary>
    public Tensor SpectrumGradient(Tensor x)
    {
        InrInit.CheckCoordinates("nstr", x, Options.InDim);
        using var scope = NewDisposeScope();
        var d = Options.InDim;
        var columns = new Tensor[d];
        if (Options.Gradient == Inr.SpectrumGradient.FiniteDifference)
        {
            var h = Options.DifferenceStep;
            for (var j = 0; j < d; j++)
            {
                var step = zeros_like(x);
                step[.., j] = h;
                columns[j] = (spectrum.forward(x + step) - spectrum.forward(x - step)) / (2 * h);
            }
            return stack(columns, 2).MoveToOuterDisposeScope();
        }
        var input = x.detach().requires_grad_(true);
        var s = spectrum.forward(input);
        var rows = new Tensor[Options.Frequencies];
        for (var k = 0; k < rows.Length; k++)
            rows[k] = autograd.grad([s[.., k].sum()], [input], retain_graph: true, create_graph: true)[0];
        return stack(rows, 1).MoveToOuterDisposeScope();
    }

    /// <summary>mean over points, amplitudes and axes of (grad S - F_theta(x, S))^2, on at most TransportPoints of <paramref name="x"/>
    /// (drawn with <paramref name="generator"/> when there are more).</summary>
    public Tensor TransportResidual(Tensor x, Generator? generator = null)
    {
        using var scope = NewDisposeScope();
        if (x.shape[0] > Options.TransportPoints)
            x = x.index_select(0, randperm(x.shape[0], generator: generator)[..Options.TransportPoints].to(x.device));
        var residual = SpectrumGradient(x) - Flow(x, spectrum.forward(x));
        return residual.square().mean().MoveToOuterDisposeScope();
    }
}
