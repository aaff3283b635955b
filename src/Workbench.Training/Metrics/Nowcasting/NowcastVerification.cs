using static TorchSharp.torch;

namespace Workbench.Training.Metrics.Nowcasting;

/// <summary>
/// Accumulates the verification of forecasts [B, T, H, W] on the uint8 VIL scale (0..255) against the observed frames,
/// per lead time t = 1..T. Conventions: a pixel is an event when its value is &gt;= the threshold; pooled scores first
/// max-pool both fields over non-overlapping k x k blocks (stride k, a ragged edge dropped), then threshold; the
/// contingency tables of every sample are summed over the whole evaluated set per lead time and threshold, and the
/// scores are computed once from the summed tables (never averaged over samples). RMSE pools squared errors over the
/// set; SSIM is the mean over samples of the per-frame SSIM (see <see cref="Ssim"/>).
/// </summary>
public sealed class NowcastVerification
{
    public static readonly IReadOnlyList<double> VilThresholds = [16, 74, 133, 160, 181, 219];
    public static readonly IReadOnlyList<int> PoolSizes = [1, 4, 16];
    public const double VilRange = 255;
    public const string Convention =
        "event: value >= threshold (uint8 VIL scale); pooled: non-overlapping k x k max-pool of forecast and truth, then threshold; " +
        "contingency tables summed over all test samples per lead time, scores computed from the summed tables; " +
        "CSI-M: mean CSI over the thresholds; RMSE over all pixels of a lead time; SSIM: 11x11 Gaussian (sigma 1.5) window, valid region, mean over samples";

    private readonly ContingencyTable[,,] _tables; // [pool, threshold, lead]
    private readonly double[] _squaredError;
    private readonly long[] _pixels;
    private readonly double[] _ssimSum;
    private long _samples;

    public NowcastVerification(int leadTimes)
    {
        if (leadTimes < 1) throw new ArgumentException($"lead times: expected a positive count, got {leadTimes}");
        LeadTimes = leadTimes;
        _tables = new ContingencyTable[PoolSizes.Count, VilThresholds.Count, leadTimes];
        _squaredError = new double[leadTimes];
        _pixels = new long[leadTimes];
        _ssimSum = new double[leadTimes];
    }

    public int LeadTimes { get; }
    public long Samples => _samples;

    public ContingencyTable Table(int pool, double threshold, int lead) =>
        _tables[PoolIndex(pool), ThresholdIndex(threshold), lead];

    public void Add(Tensor forecast, Tensor truth)
    {
        if (forecast.dim() != 4 || !forecast.shape.SequenceEqual(truth.shape) || forecast.shape[1] != LeadTimes)
            throw new ArgumentException(
                $"verification expects forecast and truth [B, {LeadTimes}, H, W] of one shape, got [{string.Join(", ", forecast.shape)}] and [{string.Join(", ", truth.shape)}]");
        using var scope = NewDisposeScope();
        var (batch, leads, height, width) = (forecast.shape[0], forecast.shape[1], forecast.shape[2], forecast.shape[3]);
        var f = forecast.detach().to(ScalarType.Float64);
        var o = truth.detach().to(ScalarType.Float64);
        for (var p = 0; p < PoolSizes.Count; p++)
        {
            var k = PoolSizes[p];
            if (height < k || width < k) continue;
            var (fp, op) = k == 1 ? (f, o) : (Pool(f, k), Pool(o, k));
            for (var t = 0; t < VilThresholds.Count; t++)
            {
                var fe = fp.ge(VilThresholds[t]);
                var oe = op.ge(VilThresholds[t]);
                var hits = Counts(fe.logical_and(oe));
                var falseAlarms = Counts(fe.logical_and(oe.logical_not()));
                var misses = Counts(fe.logical_not().logical_and(oe));
                var negatives = Counts(fe.logical_not().logical_and(oe.logical_not()));
                for (var l = 0; l < leads; l++)
                    _tables[p, t, l] += new ContingencyTable(hits[l], falseAlarms[l], misses[l], negatives[l]);
            }
        }

        var squared = (f - o).square().sum([0, 2, 3]).data<double>().ToArray();
        var ssim = Ssim.PerFrame(f.reshape(-1, height, width), o.reshape(-1, height, width), VilRange)
            .reshape(batch, leads).sum([0]).data<double>().ToArray();
        for (var l = 0; l < leads; l++)
        {
            _squaredError[l] += squared[l];
            _pixels[l] += batch * height * width;
            _ssimSum[l] += ssim[l];
        }
        _samples += batch;
    }

    /// <summary>Scores per lead time (1-based) and, under lead 0, over all lead times together (tables summed over leads).</summary>
    public IReadOnlyList<LeadTimeScores> Scores()
    {
        if (_samples == 0) throw new InvalidOperationException("no samples were verified");
        var result = new List<LeadTimeScores>();
        for (var l = 0; l <= LeadTimes; l++)
        {
            var leads = l == 0 ? Enumerable.Range(0, LeadTimes).ToArray() : [l - 1];
            var scores = new SortedDictionary<string, double>(StringComparer.Ordinal);
            for (var p = 0; p < PoolSizes.Count; p++)
            {
                var suffix = PoolSizes[p] == 1 ? "" : $"_pool{PoolSizes[p]}";
                var csi = new List<double>();
                var hss = new List<double>();
                for (var t = 0; t < VilThresholds.Count; t++)
                {
                    var table = leads.Aggregate(default(ContingencyTable), (sum, lead) => sum + _tables[p, t, lead]);
                    var name = $"{VilThresholds[t]:0}{suffix}";
                    scores[$"csi_{name}"] = table.Csi;
                    csi.Add(table.Csi);
                    if (PoolSizes[p] != 1) continue;
                    scores[$"pod_{name}"] = table.Pod;
                    scores[$"far_{name}"] = table.Far;
                    scores[$"hss_{name}"] = table.Hss;
                    hss.Add(table.Hss);
                }
                scores[$"csi_m{suffix}"] = csi.Average();
                if (PoolSizes[p] == 1) scores["hss_m"] = hss.Average();
            }
            scores["rmse"] = Math.Sqrt(leads.Sum(i => _squaredError[i]) / leads.Sum(i => (double)_pixels[i]));
            scores["ssim"] = leads.Sum(i => _ssimSum[i]) / (leads.Length * (double)_samples);
            result.Add(new LeadTimeScores(l, scores));
        }
        return result;
    }

    private static Tensor Pool(Tensor x, int k) => nn.functional.max_pool2d(x, k, k);

    private static long[] Counts(Tensor events) => events.sum([0, 2, 3], type: ScalarType.Int64).data<long>().ToArray();

    private static int PoolIndex(int pool)
    {
        for (var i = 0; i < PoolSizes.Count; i++) if (PoolSizes[i] == pool) return i;
        throw new ArgumentException($"pool size: expected one of {string.Join(", ", PoolSizes)}, got {pool}");
    }

    private static int ThresholdIndex(double threshold)
    {
        for (var i = 0; i < VilThresholds.Count; i++) if (VilThresholds[i] == threshold) return i;
        throw new ArgumentException($"threshold: expected one of {string.Join(", ", VilThresholds)}, got {threshold}");
    }
}

/// <summary>The scores of one lead time (1-based; 0 means all lead times together).</summary>
public sealed record LeadTimeScores(int Lead, IReadOnlyDictionary<string, double> Values);
