using Workbench.Sparse.Hadamard;
using Workbench.Sparse.Spright.Detectors;

namespace Workbench.Sparse.Spright;

/// <summary>
/// The front end: for stage c and offset p, u[l] = f(M_c l XOR d_p) for l in {0,1}^b and its B-point WHT over B,
/// U_{c,p}[j] = sum over k with M_c^T k = j of X[k] (-1)^{&lt;d_p, k&gt;} (+ noise of variance sigma^2 / B).
/// Values of one bin are contiguous: Values[c][j P + p].
/// </summary>
internal sealed class BinObservations
{
    private BinObservations(double[][] values, int offsets) => (Values, OffsetCount) = (values, offsets);

    public double[][] Values { get; }

    public int OffsetCount { get; }

    public Span<double> Bin(int stage, int bin) => Values[stage].AsSpan(bin * OffsetCount, OffsetCount);

    public static BinObservations Measure(CountingSampler sampler, IReadOnlyList<HashingMatrix> stages, OffsetDesign offsets)
    {
        int p = offsets.Count;
        var values = new double[stages.Count][];
        for (int c = 0; c < stages.Count; c++)
        {
            var points = stages[c].SamplePoints();
            int bins = points.Length;
            double scale = 1.0 / bins;
            var u = new double[bins];
            var stageValues = new double[bins * p];
            for (int o = 0; o < p; o++)
            {
                ulong d = offsets.Offsets[o];
                for (int l = 0; l < bins; l++) u[l] = sampler.Sample(points[l] ^ d);
                FastWalshHadamard.Transform(u);
                for (int j = 0; j < bins; j++) stageValues[j * p + o] = u[j] * scale;
            }
            values[c] = stageValues;
        }
        return new BinObservations(values, p);
    }
}
