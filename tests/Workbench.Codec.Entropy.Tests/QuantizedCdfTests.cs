using Workbench.Codec.Entropy.Cdf;

namespace Workbench.Codec.Entropy.Tests;

public class QuantizedCdfTests
{
    public static TheoryData<string> Pmfs => new() { "random", "one-symbol", "uniform", "tiny-tail", "zero", "huge-alphabet" };

    [Theory]
    [MemberData(nameof(Pmfs))]
    public void Invariants_hold_and_frequencies_track_the_pmf(string kind)
    {
        var (pmf, tail) = Pmf(kind);
        var cdf = QuantizedCdf.FromPmf(pmf, tail);

        Assert.Equal(pmf.Length + 2, cdf.Length);
        Assert.Equal(0, cdf[0]);
        Assert.Equal(QuantizedCdf.Total, cdf[^1]);
        var sum = pmf.Sum() + tail;
        for (var i = 0; i < cdf.Length - 1; i++)
        {
            var frequency = cdf[i + 1] - cdf[i];
            Assert.True(frequency >= 1, $"symbol {i} has frequency {frequency}");
            var p = sum > 0 ? (i < pmf.Length ? pmf[i] : tail) / sum : 1.0 / (pmf.Length + 1);
            // one guaranteed count, at most one remainder count, and the p * (m + 1) counts not shared out
            Assert.InRange(frequency - p * QuantizedCdf.Total, -1 - p * (pmf.Length + 1), 2.0);
        }
        QuantizedCdf.Validate(cdf, kind);
    }

    [Fact]
    public void Construction_is_deterministic_and_independent_of_threads()
    {
        var (pmf, tail) = Pmf("random");
        var reference = QuantizedCdf.FromPmf(pmf, tail);
        var results = new int[8][];
        Parallel.For(0, 8, i => results[i] = QuantizedCdf.FromPmf(pmf, tail));
        Assert.All(results, r => Assert.Equal(reference, r));
    }

    [Fact]
    public void Bad_pmfs_and_bad_stored_cdfs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => QuantizedCdf.FromPmf([0.5, double.NaN], 0));
        Assert.Throws<ArgumentException>(() => QuantizedCdf.FromPmf([0.5, -0.1], 0));
        Assert.Throws<ArgumentException>(() => QuantizedCdf.FromPmf(new double[QuantizedCdf.Total], 0));
        Assert.Throws<BitstreamException>(() => QuantizedCdf.Validate([0, 10, 10, QuantizedCdf.Total], "cdf"));
        Assert.Throws<BitstreamException>(() => QuantizedCdf.Validate([0, 10, 20], "cdf"));
        Assert.Throws<BitstreamException>(() => QuantizedCdf.Validate([1, QuantizedCdf.Total], "cdf"));
    }

    internal static (double[] Pmf, double Tail) Pmf(string kind)
    {
        var random = new Random(7);
        return kind switch
        {
            "random" => (Enumerable.Range(0, 40).Select(_ => random.NextDouble()).ToArray(), 1e-3),
            "one-symbol" => (Enumerable.Range(0, 30).Select(i => i == 11 ? 1.0 : 0.0).ToArray(), 0.0),
            "uniform" => (Enumerable.Repeat(1.0 / 50, 50).ToArray(), 0.0),
            "tiny-tail" => ([0.25, 0.5, 0.25], 1e-12),
            "zero" => (new double[5], 0.0),
            "huge-alphabet" => (Enumerable.Repeat(1.0, QuantizedCdf.Total - 1).ToArray(), 1.0),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }
}
