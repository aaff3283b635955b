using Workbench.Sparse.Hadamard;
using Workbench.Sparse.Randomness;
using Workbench.Sparse.Spright;
using Workbench.Sparse.Spright.Trials;

namespace Workbench.Sparse.Tests.Spright;

public class SprightRecoveryTests
{
    [Fact]
    public void Noiseless_recovers_100_random_instances_exactly_at_N_2_18_K_20()
    {
        var rng = new Xoshiro256StarStar(18);
        for (int trial = 0; trial < 100; trial++)
        {
            var planted = SprightTrials.PlantSpectrum(18, 20, trial % 2 == 0 ? AmplitudeKind.PlusMinusOne : AmplitudeKind.Gaussian, rng);
            var result = SprightDecoder.Recover(new SparseWalshFunction(18, planted),
                new SprightOptions { InputBits = 18, Sparsity = 20, Seed = (ulong)trial });
            Assert.True(result.Success, $"trial {trial}");
            AssertSameSpectrum(planted, result.Coefficients, 1e-12);
            Assert.Equal(3L * 64 * 19, result.Samples);
        }
    }

    [Theory]
    [InlineData(HashingKind.RandomFullRank, DetectorKind.Noiseless, AmplitudeKind.Gaussian)]
    [InlineData(HashingKind.DisjointBlocks, DetectorKind.Noiseless, AmplitudeKind.PlusMinusOne)]
    [InlineData(HashingKind.RandomFullRank, DetectorKind.Robust, AmplitudeKind.PlusMinusOne)]
    [InlineData(HashingKind.DisjointBlocks, DetectorKind.SampleOptimal, AmplitudeKind.Gaussian)]
    public void Agrees_with_the_dense_transform_of_the_sampled_function(HashingKind hashing, DetectorKind detector, AmplitudeKind amplitudes)
    {
        const int n = 12, k = 12;
        var planted = SprightTrials.PlantSpectrum(n, k, amplitudes, new Xoshiro256StarStar(5));
        var function = new SparseWalshFunction(n, planted);
        var dense = new double[1 << n];
        for (int m = 0; m < dense.Length; m++) dense[m] = function.Evaluate((ulong)m);
        FastWalshHadamard.Transform(dense);
        var denseSpectrum = new Dictionary<ulong, double>();
        for (int i = 0; i < dense.Length; i++)
            if (Math.Abs(dense[i]) > 1e-9 * dense.Length) denseSpectrum[(ulong)i] = dense[i] / dense.Length;

        var result = SprightDecoder.Recover(function, new SprightOptions
        {
            InputBits = n, Sparsity = k, Hashing = hashing, Detector = detector, Seed = 11,
        });
        Assert.True(result.Success);
        Assert.Equal(k, denseSpectrum.Count);
        AssertSameSpectrum(denseSpectrum, result.Coefficients, 1e-9);
    }

    [Theory]
    [InlineData(DetectorKind.Robust)]
    [InlineData(DetectorKind.SampleOptimal)]
    public void Robust_detectors_succeed_in_at_least_95_percent_at_N_2_14_K_10_SNR_10dB(DetectorKind detector)
    {
        var report = SprightTrials.Run(new SprightTrialOptions
        {
            InputBits = 14, Sparsity = 10, SnrDb = 10, Trials = 100, Detector = detector, Seed = 1410, MeasureDense = false,
        });
        Assert.True(report.SuccessRate >= 0.95, $"success {report.SuccessRate}");
        // Noisy amplitudes: each coefficient is estimated from P values of variance sigma^2 / B.
        Assert.All(report.Outcomes.Where(o => o.Success), o => Assert.True(o.MaxError < 0.5, $"max error {o.MaxError}"));
    }

    [Fact]
    public void Noise_variance_estimate_matches_the_planted_noise()
    {
        var rng = new Xoshiro256StarStar(77);
        var planted = SprightTrials.PlantSpectrum(16, 20, AmplitudeKind.PlusMinusOne, rng);
        double sigma2 = planted.Values.Sum(v => v * v) / 10.0; // 10 dB
        var result = SprightDecoder.Recover(new SparseWalshFunction(16, planted, sigma2, 99),
            new SprightOptions { InputBits = 16, Sparsity = 20, SnrDb = 10, Seed = 3 });
        double expected = sigma2 / result.Plan.Bins;
        Assert.InRange(result.NoiseVariance / expected, 0.8, 1.25);
        Assert.True(result.Success);
        AssertSameSpectrum(planted, result.Coefficients, 0.2);
    }

    [Fact]
    public void A_plan_needing_more_than_N_samples_reads_all_N_and_transforms_densely()
    {
        // n = 14, K = 10 at 0 dB: the robust plan asks for 30,240 samples, 1.85 N.
        var rng = new Xoshiro256StarStar(14);
        var planted = SprightTrials.PlantSpectrum(14, 10, AmplitudeKind.PlusMinusOne, rng);
        double sigma2 = planted.Values.Sum(v => v * v); // 0 dB
        var options = new SprightOptions { InputBits = 14, Sparsity = 10, SnrDb = 0, Seed = 5 };
        Assert.Equal(30_240, options.Resolve().SampleCount);
        var result = SprightDecoder.Recover(new SparseWalshFunction(14, planted, sigma2, 6), options);
        Assert.True(result.Plan.TakesDenseRoute);
        Assert.Equal(1L << 14, result.Samples);
        Assert.True(result.Success);
        // Each coefficient of X = WHT(f) / N carries noise of variance sigma^2 / N (0.025 standard deviation here).
        AssertSameSpectrum(planted, result.Coefficients, 0.15);
        Assert.InRange(result.NoiseVariance / (sigma2 / (1 << 14)), 0.9, 1.1);
    }

    [Fact]
    public void The_dense_route_keeps_only_the_nonzero_coefficients_of_a_noiseless_function()
    {
        var rng = new Xoshiro256StarStar(9);
        var planted = SprightTrials.PlantSpectrum(6, 5, AmplitudeKind.Gaussian, rng);
        var options = new SprightOptions { InputBits = 6, Sparsity = 8, Seed = 1 };
        var result = SprightDecoder.Recover(new SparseWalshFunction(6, planted), options);
        Assert.True(result.Plan.TakesDenseRoute, $"plan of {result.Plan.SampleCount} samples");
        AssertSameSpectrum(planted, result.Coefficients, 1e-12);
    }

    [Fact]
    public void Recovers_n_40_K_30_from_far_fewer_than_2_40_samples()
    {
        var rng = new Xoshiro256StarStar(40);
        var planted = SprightTrials.PlantSpectrum(40, 30, AmplitudeKind.Gaussian, rng);
        var result = SprightDecoder.Recover(new SparseWalshFunction(40, planted),
            new SprightOptions { InputBits = 40, Sparsity = 30, Seed = 4 });
        Assert.True(result.Success);
        AssertSameSpectrum(planted, result.Coefficients, 1e-12);
        Assert.Equal(3L * 64 * 41, result.Samples);
        Assert.True(result.Samples < (1L << 40) / 1_000_000);
    }

    [Fact]
    public void Recovers_a_low_degree_pseudo_boolean_function_of_40_bits()
    {
        // f(m) = 2 + 3 x0 x5 - x7 + x12 x30 x39 with x_i = (-1)^{m_i}: Walsh terms on few bits, which
        // random full-rank hashing spreads over the bins like any other support.
        static double Spin(ulong m, int i) => (m >> i & 1) == 0 ? 1 : -1;
        var f = new DelegateFunction(40, m => 2 + 3 * Spin(m, 0) * Spin(m, 5) - Spin(m, 7) + Spin(m, 12) * Spin(m, 30) * Spin(m, 39));
        var result = SprightDecoder.Recover(f, new SprightOptions { InputBits = 40, Sparsity = 8, Seed = 9 });
        var expected = new Dictionary<ulong, double>
        {
            [0] = 2, [(1UL << 0) | (1UL << 5)] = 3, [1UL << 7] = -1, [(1UL << 12) | (1UL << 30) | (1UL << 39)] = 1,
        };
        Assert.True(result.Success);
        AssertSameSpectrum(expected, result.Coefficients, 1e-12);
    }

    [Fact]
    public void Zero_function_has_an_empty_spectrum()
    {
        var result = SprightDecoder.Recover(new DelegateFunction(20, _ => 0.0), new SprightOptions { InputBits = 20, Sparsity = 4 });
        Assert.True(result.Success);
        Assert.Empty(result.Coefficients);
    }

    [Fact]
    public void Same_seed_reproduces_the_result_bit_for_bit()
    {
        var planted = SprightTrials.PlantSpectrum(20, 16, AmplitudeKind.Gaussian, new Xoshiro256StarStar(8));
        SprightResult Run() => SprightDecoder.Recover(new SparseWalshFunction(20, planted, 0.05, 123),
            new SprightOptions { InputBits = 20, Sparsity = 16, SnrDb = 12, Seed = 42 });
        var a = Run();
        var b = Run();
        Assert.Equal(a.Samples, b.Samples);
        Assert.Equal(a.Iterations, b.Iterations);
        Assert.Equal(a.NoiseVariance, b.NoiseVariance);
        Assert.Equal(a.Coefficients.OrderBy(p => p.Key), b.Coefficients.OrderBy(p => p.Key));
    }

    internal static void AssertSameSpectrum(IReadOnlyDictionary<ulong, double> expected, IReadOnlyDictionary<ulong, double> actual, double tolerance)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (k, v) in expected)
            Assert.True(Math.Abs(actual[k] - v) <= tolerance, $"X[{k}] = {actual[k]}, expected {v}");
    }
}
