using System.Text.Json;
using Workbench.Sparse.Hadamard;

namespace Workbench.Sparse.Tests.Hadamard;

public class FastWalshHadamardTests
{
    public static TheoryData<int> Log2Sizes() => new() { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

    [Theory]
    [MemberData(nameof(Log2Sizes))]
    public void Double_matches_naive_matrix_product(int log2n)
    {
        var x = NaiveHadamard.RandomVector(1 << log2n, 10 + log2n);
        var expected = NaiveHadamard.Apply(x);
        var y = (double[])x.Clone();
        FastWalshHadamard.Transform(y);
        for (int k = 0; k < y.Length; k++)
            Assert.Equal(expected[k], y[k], 1e-12 * Math.Sqrt(y.Length));
    }

    [Theory]
    [MemberData(nameof(Log2Sizes))]
    public void Float_matches_naive_matrix_product(int log2n)
    {
        var x = NaiveHadamard.RandomVector(1 << log2n, 20 + log2n);
        var expected = NaiveHadamard.Apply(x.Select(v => (double)(float)v).ToArray());
        var y = x.Select(v => (float)v).ToArray();
        FastWalshHadamard.Transform(y);
        for (int k = 0; k < y.Length; k++)
            Assert.Equal(expected[k], y[k], 1e-6 * (log2n + 1) * Math.Sqrt(y.Length));
    }

    [Fact]
    public void Matches_scipy_hadamard_in_natural_and_sequency_order()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "hadamard.json")));
        int checkedCases = 0;
        foreach (var c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            int log2n = c.GetProperty("log2n").GetInt32();
            double[] x = Doubles(c, "x"), natural = Doubles(c, "natural"), sequency = Doubles(c, "sequency");
            int[] rows = c.GetProperty("sequency_rows").EnumerateArray().Select(e => e.GetInt32()).ToArray();

            for (int s = 0; s < rows.Length; s++)
                Assert.Equal(rows[s], SequencyPermutation.NaturalIndex(s, log2n));

            var y = (double[])x.Clone();
            FastWalshHadamard.Transform(y);
            AssertClose(natural, y);
            y = (double[])x.Clone();
            FastWalshHadamard.Transform(y, WalshOrder.Sequency);
            AssertClose(sequency, y);
            y = (double[])x.Clone();
            FastWalshHadamard.Transform(y, WalshOrder.Sequency, WhtNormalization.Orthonormal);
            AssertClose(sequency.Select(v => v / Math.Sqrt(x.Length)).ToArray(), y);
            checkedCases++;
        }
        Assert.Equal(9, checkedCases);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(17)]
    [InlineData(19)]
    [InlineData(21)]
    public void Transform_twice_is_N_times_identity_and_keeps_Parseval(int log2n)
    {
        int n = 1 << log2n;
        var x = NaiveHadamard.RandomVector(n, log2n);
        var y = (double[])x.Clone();
        FastWalshHadamard.Transform(y, threads: 2);
        double energyX = x.Sum(v => v * v), energyY = y.Sum(v => v * v);
        Assert.Equal(1.0, energyY / (n * energyX), 1e-12);
        FastWalshHadamard.Transform(y, threads: 2);
        for (int i = 0; i < n; i++)
            Assert.Equal(x[i], y[i] / n, 1e-12);

        var o = (double[])x.Clone();
        FastWalshHadamard.Transform(o, normalization: WhtNormalization.Orthonormal);
        Assert.Equal(energyX, o.Sum(v => v * v), 1e-9 * energyX);
    }

    [Theory]
    [InlineData(15, 1)]
    [InlineData(20, 1)]
    [InlineData(23, 2)]
    public void Float_round_trip_recovers_the_input_at_cache_blocked_sizes(int log2n, int threads)
    {
        int n = 1 << log2n;
        var x = NaiveHadamard.RandomVector(n, log2n).Select(v => (float)v).ToArray();
        var y = (float[])x.Clone();
        FastWalshHadamard.Transform(y, normalization: WhtNormalization.Orthonormal, threads: threads);
        FastWalshHadamard.Transform(y, normalization: WhtNormalization.Orthonormal, threads: threads);
        double worst = 0;
        for (int i = 0; i < n; i++) worst = Math.Max(worst, Math.Abs(x[i] - y[i]));
        Assert.True(worst < 1e-5, $"max |x - H H x / N| = {worst}");
    }

    [Theory]
    [InlineData(18)]
    [InlineData(19)]
    [InlineData(21)]
    public void Threaded_equals_single_threaded_bit_for_bit(int log2n)
    {
        var x = NaiveHadamard.RandomVector(1 << log2n, 7);
        var single = x.Select(v => (float)v).ToArray();
        var threaded = (float[])single.Clone();
        FastWalshHadamard.Transform(single, threads: 1);
        FastWalshHadamard.Transform(threaded, threads: 4);
        Assert.True(single.AsSpan().SequenceEqual(threaded));

        var singleD = (double[])x.Clone();
        var threadedD = (double[])x.Clone();
        FastWalshHadamard.Transform(singleD, WalshOrder.Sequency, threads: 1);
        FastWalshHadamard.Transform(threadedD, WalshOrder.Sequency, threads: 3);
        Assert.True(singleD.AsSpan().SequenceEqual(threadedD));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(13)]
    [InlineData(18)]
    public void Vector_small_strides_equal_scalar_stage_by_stage_bit_for_bit(int log2n)
    {
        var x = NaiveHadamard.RandomVector(1 << log2n, 3);
        var vectorF = x.Select(v => (float)v).ToArray();
        var scalarF = (float[])vectorF.Clone();
        FastWalshHadamard.Run<float>(vectorF, WalshOrder.Natural, WhtNormalization.None, 1, avxSmallStrides: true);
        FastWalshHadamard.Run<float>(scalarF, WalshOrder.Natural, WhtNormalization.None, 1, avxSmallStrides: false);
        Assert.True(vectorF.AsSpan().SequenceEqual(scalarF));

        var vectorD = (double[])x.Clone();
        var scalarD = (double[])x.Clone();
        FastWalshHadamard.Run<double>(vectorD, WalshOrder.Natural, WhtNormalization.None, 1, avxSmallStrides: true);
        FastWalshHadamard.Run<double>(scalarD, WalshOrder.Natural, WhtNormalization.None, 1, avxSmallStrides: false);
        Assert.True(vectorD.AsSpan().SequenceEqual(scalarD));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(12)]
    public void Non_power_of_two_length_is_a_clear_error(int length)
    {
        var ex = Assert.Throws<ArgumentException>(() => FastWalshHadamard.Transform(new float[length]));
        Assert.Contains("power-of-two", ex.Message);
        Assert.Contains(length.ToString(), ex.Message);
    }

    [Fact]
    public void Zero_threads_is_a_clear_error()
    {
        var ex = Assert.Throws<ArgumentException>(() => FastWalshHadamard.Transform(new double[8], threads: 0));
        Assert.Contains("threads", ex.Message);
    }

    private static double[] Doubles(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(v => v.GetDouble()).ToArray();

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.Equal(expected[i], actual[i], 1e-11);
    }
}
