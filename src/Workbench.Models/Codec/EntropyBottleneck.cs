using TorchSharp;
using TorchSharp.Modules;
using Workbench.Codec.Entropy.Cdf;
using static TorchSharp.torch;

namespace Workbench.Models.Codec;

/// <summary>
/// Learned factorised density per channel (Balle et al. 2018, appendix 6.1): a cumulative c(x) = sigmoid(f(x)) with
/// f a monotone network 1 -> 3 -> 3 -> 3 -> 3 -> 1 (softplus matrices, tanh-gated nonlinearity), init scale 10.
/// Quantiles (tail mass 1e-9 each side, and the median) are parameters fitted by <see cref="AuxLoss"/> on a detached f.
/// Coding quantises round(z - median) + median; the integer cdfs of each channel over its quantile range are built by
/// <see cref="UpdateTables"/> and kept as buffers, so a saved model decodes with the very integers it encoded with.
/// </summary>
public sealed class EntropyBottleneck : nn.Module<Tensor, (Tensor Quantised, Tensor Likelihoods)>
{
    public const int MaxSymbols = 127;
    private const double TailMass = 1e-9;
    private const double InitScale = 10;
    private static readonly int[] Filters = [3, 3, 3, 3];

    private readonly ParameterList matrices = new();
    private readonly ParameterList biases = new();
    private readonly ParameterList factors = new();
    private readonly Parameter quantiles;
    private readonly Tensor cdfs;
    private readonly Tensor cdf_lengths;
    private readonly Tensor offsets;

    public EntropyBottleneck(int channels) : base(nameof(EntropyBottleneck))
    {
        Channels = channels;
        int[] dims = [1, .. Filters, 1];
        var scale = Math.Pow(InitScale, 1.0 / (Filters.Length + 1));
        for (var k = 0; k < dims.Length - 1; k++)
        {
            var init = Math.Log(Math.Exp(1 / scale / dims[k + 1]) - 1);
            matrices.Add(nn.Parameter(full(channels, dims[k + 1], dims[k], init)));
            biases.Add(nn.Parameter(rand(channels, dims[k + 1], 1) - 0.5));
            if (k < dims.Length - 2) factors.Add(nn.Parameter(zeros(channels, dims[k + 1], 1)));
        }
        quantiles = nn.Parameter(tensor(new float[] { -(float)InitScale, 0, (float)InitScale }).repeat(channels, 1, 1));
        cdfs = zeros(channels, MaxSymbols + 2, ScalarType.Int32);
        cdf_lengths = zeros(channels, ScalarType.Int32);
        offsets = zeros(channels, ScalarType.Int32);
        RegisterComponents();
    }

    public int Channels { get; }

    /// <summary>Medians per channel [C].</summary>
    public Tensor Medians => quantiles.select(2, 1).reshape(Channels);

    /// <summary>Training: z + U(-1/2, 1/2); evaluation: round(z - median) + median. Likelihoods bounded below by 1e-9.</summary>
    public override (Tensor Quantised, Tensor Likelihoods) forward(Tensor z)
    {
        using var scope = NewDisposeScope();
        var medians = Medians.detach().to(z.dtype).reshape(1, Channels, 1, 1);
        var quantised = training ? z + (rand_like(z) - 0.5) : (z - medians).round() + medians;
        var likelihoods = Likelihood(quantised);
        return (quantised.MoveToOuterDisposeScope(), likelihoods.MoveToOuterDisposeScope());
    }

    /// <summary>Sum over channels of |f(quantiles) - (-t, 0, t)|, t = ln(2 / tail - 1): moves only the quantiles.</summary>
    public Tensor AuxLoss()
    {
        using var scope = NewDisposeScope();
        var t = Math.Log(2 / TailMass - 1);
        var target = tensor(new[] { -t, 0, t }, quantiles.dtype, quantiles.device).reshape(1, 1, 3);
        var logits = LogitsCumulative(quantiles, stopGradient: true);
        return (logits - target).abs().sum().MoveToOuterDisposeScope();
    }

    /// <summary>Rebuilds the per-channel integer cdfs from the current density (CPU, float64).</summary>
    public void UpdateTables()
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var q = quantiles.detach().cpu().to(ScalarType.Float64);
        var median = q.select(2, 1).reshape(Channels);
        var below = (median - q.select(2, 0).reshape(Channels)).ceil().clamp(0, MaxSymbols / 2).to(ScalarType.Int32).data<int>().ToArray();
        var above = (q.select(2, 2).reshape(Channels) - median).ceil().clamp(0, MaxSymbols / 2).to(ScalarType.Int32).data<int>().ToArray();
        var medians = median.data<double>().ToArray();
        var table = new int[Channels, MaxSymbols + 2];
        var lengths = new int[Channels];
        var offsetValues = new int[Channels];
        for (var c = 0; c < Channels; c++)
        {
            var count = below[c] + above[c] + 1;
            var points = arange(-below[c], above[c] + 1, ScalarType.Float64) + medians[c];
            var pmf = ChannelLikelihood(c, points).data<double>().ToArray();
            var lowTail = sigmoid(ChannelLogits(c, tensor(new[] { medians[c] - below[c] - 0.5 }))).item<double>();
            var highTail = sigmoid(-ChannelLogits(c, tensor(new[] { medians[c] + above[c] + 0.5 }))).item<double>();
            var cdf = QuantizedCdf.FromPmf(pmf, lowTail + highTail);
            for (var i = 0; i < cdf.Length; i++) table[c, i] = cdf[i];
            lengths[c] = count + 2;
            offsetValues[c] = -below[c];
        }
        using var __ = no_grad();
        cdfs.copy_(tensor(table));
        cdf_lengths.copy_(tensor(lengths));
        offsets.copy_(tensor(offsetValues));
    }

    /// <summary>
    /// Codes z [1, C, h, w] as round(z - median_c) with the stored cdf of channel c; returns the stream and the decoded
    /// z_hat = symbol + median (channel-major, float64), which the decoder reproduces from the stream alone.
    /// </summary>
    public (byte[] Stream, double[] ZHat) Compress(Tensor z)
    {
        using var scope = NewDisposeScope();
        var medians = Medians.detach().cpu().to(ScalarType.Float64).data<double>().ToArray();
        var symbols = (z.cpu().to(ScalarType.Float64) - tensor(medians).reshape(1, -1, 1, 1)).round().to(ScalarType.Int32).data<int>().ToArray();
        var plane = (int)(z.shape[2] * z.shape[3]);
        return (SymbolCoder.Encode(symbols, ChannelIndexes(plane), Table()), ZHat(symbols, medians, plane));
    }

    /// <summary>z_hat (channel-major, float64) of a stream written by <see cref="Compress"/> for an h x w plane.</summary>
    public double[] Decompress(byte[] stream, int height, int width)
    {
        var medians = Medians.detach().cpu().to(ScalarType.Float64).data<double>().ToArray();
        var plane = height * width;
        return ZHat(SymbolCoder.Decode(stream, ChannelIndexes(plane), Table()), medians, plane);
    }

    private int[] ChannelIndexes(int plane) => Enumerable.Range(0, Channels * plane).Select(i => i / plane).ToArray();

    private static double[] ZHat(int[] symbols, double[] medians, int plane)
    {
        var zHat = new double[symbols.Length];
        for (var i = 0; i < zHat.Length; i++) zHat[i] = symbols[i] + medians[i / plane];
        return zHat;
    }

    /// <summary>The stored tables: channel c codes round(z - median_c) with cdf c.</summary>
    public CdfTable Table()
    {
        var lengths = cdf_lengths.cpu().data<int>().ToArray();
        if (lengths.Any(l => l < 2)) throw new InvalidOperationException("entropy bottleneck tables were never built: call UpdateTables");
        var all = cdfs.cpu().data<int>().ToArray();
        var width = MaxSymbols + 2;
        var rows = Enumerable.Range(0, Channels).Select(c => all.AsSpan(c * width, lengths[c]).ToArray()).ToArray();
        return new CdfTable(rows, offsets.cpu().data<int>().ToArray());
    }

    private Tensor Likelihood(Tensor values)
    {
        using var scope = NewDisposeScope();
        var shape = values.shape;
        var flat = values.transpose(0, 1).reshape(Channels, 1, -1);
        var lower = LogitsCumulative(flat - 0.5, stopGradient: false);
        var upper = LogitsCumulative(flat + 0.5, stopGradient: false);
        var sign = -(lower + upper).sign().detach();
        var likelihood = (sigmoid(sign * upper) - sigmoid(sign * lower)).abs().clamp_min(GaussianConditional.LikelihoodMin);
        return likelihood.reshape(Channels, shape[0], shape[2], shape[3]).transpose(0, 1).MoveToOuterDisposeScope();
    }

    private Tensor LogitsCumulative(Tensor x, bool stopGradient)
    {
        using var scope = NewDisposeScope();
        var logits = x;
        for (var k = 0; k < matrices.Count; k++)
        {
            var matrix = nn.functional.softplus(stopGradient ? matrices[k].detach() : matrices[k]).to(x.dtype);
            var bias = (stopGradient ? biases[k].detach() : biases[k]).to(x.dtype);
            logits = matmul(matrix, logits) + bias;
            if (k < factors.Count)
                logits = logits + tanh((stopGradient ? factors[k].detach() : factors[k]).to(x.dtype)) * tanh(logits);
        }
        return logits.MoveToOuterDisposeScope();
    }

    private Tensor ChannelLogits(int channel, Tensor points)
    {
        var x = points.to(ScalarType.Float64).reshape(1, 1, -1);
        for (var k = 0; k < matrices.Count; k++)
        {
            x = matmul(nn.functional.softplus(matrices[k][channel].detach().cpu().to(ScalarType.Float64)).unsqueeze(0), x)
                + biases[k][channel].detach().cpu().to(ScalarType.Float64).unsqueeze(0);
            if (k < factors.Count) x = x + tanh(factors[k][channel].detach().cpu().to(ScalarType.Float64)).unsqueeze(0) * tanh(x);
        }
        return x.reshape(-1);
    }

    private Tensor ChannelLikelihood(int channel, Tensor points)
    {
        var lower = ChannelLogits(channel, points - 0.5);
        var upper = ChannelLogits(channel, points + 0.5);
        var sign = -(lower + upper).sign();
        return (sigmoid(sign * upper) - sigmoid(sign * lower)).abs();
    }
}
