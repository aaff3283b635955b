using System.Diagnostics;
using Workbench.Sparse.Hadamard;
using Workbench.Sparse.Randomness;

namespace Workbench.Sparse.Spright.Trials;

/// <summary>Runs randomised SPRIGHT trials (plants, samples, decodes, compares with the planted spectrum).</summary>
public static class SprightTrials
{
    public static SprightTrialReport Run(SprightTrialOptions options)
    {
        if (options.Trials < 1)
            throw new ArgumentException($"Trials must be >= 1, got {options.Trials}.", nameof(options.Trials));
        var plan = options.DecoderOptions(options.Seed).Resolve();
        WarmUp(options);
        var rng = new Xoshiro256StarStar(options.Seed);
        var outcomes = new List<SprightTrialOutcome>(options.Trials);
        for (int t = 0; t < options.Trials; t++)
        {
            var spectrum = PlantSpectrum(options.InputBits, options.Sparsity, options.Amplitudes, rng);
            double noiseVariance = options.SnrDb is double db ? spectrum.Values.Sum(v => v * v) / Math.Pow(10, db / 10) : 0;
            var function = new SparseWalshFunction(options.InputBits, spectrum, noiseVariance, rng.NextUInt64());
            var decoderOptions = options.DecoderOptions(rng.NextUInt64());
            long start = Stopwatch.GetTimestamp();
            var result = SprightDecoder.Recover(function, decoderOptions);
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            outcomes.Add(Score(t, spectrum, result, options.SnrDb is null, ms));
        }

        double? dense = options.MeasureDense && options.InputBits <= SprightTrialOptions.MaxDenseInputBits
            ? DenseMilliseconds(options.InputBits, options.DenseThreads)
            : null;
        int successes = outcomes.Count(o => o.Success);
        double meanMs = outcomes.Average(o => o.Milliseconds);
        double meanSamples = outcomes.Average(o => (double)o.Samples);
        return new SprightTrialReport(options.InputBits, options.Sparsity, options.SnrDb, options.Amplitudes.ToString(),
            options.Trials, successes, (double)successes / options.Trials, meanSamples,
            meanSamples / Math.Pow(2, options.InputBits), outcomes.Average(o => (double)o.Iterations), meanMs,
            dense, options.DenseThreads, dense / meanMs, plan, outcomes);
    }

    /// <summary>One untimed decode of the same shape, so that the timed trials do not pay for JIT compilation.</summary>
    private static void WarmUp(SprightTrialOptions options)
    {
        var rng = new Xoshiro256StarStar(~options.Seed);
        var spectrum = PlantSpectrum(options.InputBits, options.Sparsity, options.Amplitudes, rng);
        SprightDecoder.Recover(new SparseWalshFunction(options.InputBits, spectrum), options.DecoderOptions(rng.NextUInt64()));
    }

    /// <summary>K distinct uniformly random n-bit indices with the given amplitudes.</summary>
    public static Dictionary<ulong, double> PlantSpectrum(int inputBits, int sparsity, AmplitudeKind amplitudes,
        Xoshiro256StarStar rng)
    {
        if (inputBits < 63 && (ulong)sparsity > 1UL << inputBits)
            throw new ArgumentException($"Sparsity (K) must be <= 2^n = {1UL << inputBits}, got {sparsity}.", nameof(sparsity));
        var spectrum = new Dictionary<ulong, double>(sparsity);
        while (spectrum.Count < sparsity)
        {
            ulong k = rng.NextBits(inputBits);
            if (spectrum.ContainsKey(k)) continue;
            spectrum[k] = amplitudes == AmplitudeKind.Gaussian ? rng.NextGaussian() : (rng.NextUInt64() >> 63 == 0 ? 1.0 : -1.0);
        }
        return spectrum;
    }

    private static SprightTrialOutcome Score(int trial, Dictionary<ulong, double> planted, SprightResult result,
        bool noiseless, double ms)
    {
        double maxError = 0;
        foreach (var k in planted.Keys.Union(result.Coefficients.Keys))
            maxError = Math.Max(maxError, Math.Abs(result.Coefficients.GetValueOrDefault(k) - planted.GetValueOrDefault(k)));
        bool sameSupport = planted.Count == result.Coefficients.Count && planted.Keys.All(result.Coefficients.ContainsKey);
        double scale = planted.Values.Max(Math.Abs);
        bool success = result.Success && sameSupport && (!noiseless || maxError <= 1e-6 * scale);
        return new SprightTrialOutcome(trial, success, result.Samples, result.Iterations, ms, maxError);
    }

    /// <summary>Median wall time of the in-place float32 FWHT of length 2^n (5 runs after a warm-up).</summary>
    public static double DenseMilliseconds(int inputBits, int threads)
    {
        var data = new float[1 << inputBits];
        var rng = new Xoshiro256StarStar(7);
        for (int i = 0; i < data.Length; i++) data[i] = (float)(rng.NextDouble() - 0.5);
        FastWalshHadamard.Transform(data, threads: threads);
        var times = new double[5];
        for (int r = 0; r < times.Length; r++)
        {
            long start = Stopwatch.GetTimestamp();
            FastWalshHadamard.Transform(data, threads: threads);
            times[r] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[times.Length / 2];
    }
}
