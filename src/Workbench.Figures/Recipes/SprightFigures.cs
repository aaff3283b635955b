using Workbench.Figures.Charts;
using Workbench.Sparse.Spright;
using Workbench.Sparse.Spright.Trials;
using Figure = Workbench.Figures.Output.Figure;

namespace Workbench.Figures.Recipes;

/// <summary>Success probability of robust SPRIGHT against samples per coefficient (more offset chains), per SNR.</summary>
public sealed class SprightSuccessFigure : IFigureBuilder
{
    public sealed record Parameters(int N, int K, double[] SnrDb, int[] OffsetChains, int Trials);

    public string Name => "spright-success";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        var series = new List<Series>();
        foreach (var snr in p.SnrDb)
        {
            var x = new List<double>();
            var y = new List<double>();
            foreach (var chains in p.OffsetChains)
            {
                var report = SprightTrials.Run(new SprightTrialOptions
                {
                    InputBits = p.N, Sparsity = p.K, SnrDb = snr, Trials = p.Trials, Seed = (ulong)recipe.Seed,
                    Detector = DetectorKind.Robust, OffsetChains = chains, MeasureDense = false,
                });
                x.Add(report.MeanSamples / p.K);
                y.Add(report.SuccessRate);
            }
            series.Add(new Series($"SNR {snr} dB", x, y));
        }
        return [CurveCharts.Lines(Name, $"SPRIGHT (robust), N = 2^{p.N}, K = {p.K}: success vs samples", "samples per coefficient",
            "success probability", series, logX: true)];
    }
}

/// <summary>Run time of noiseless SPRIGHT (sampling included) and of the dense FWHT against N, log-log.</summary>
public sealed class SprightRuntimeFigure : IFigureBuilder
{
    public sealed record Parameters(int K, int[] Log2Sizes, int Trials);

    public string Name => "spright-runtime";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        var sizes = new List<double>();
        var sparse = new List<double>();
        var dense = new List<double>();
        foreach (var n in p.Log2Sizes)
        {
            var report = SprightTrials.Run(new SprightTrialOptions
            {
                InputBits = n, Sparsity = p.K, Trials = p.Trials, Seed = (ulong)recipe.Seed, MeasureDense = true,
            });
            sizes.Add(Math.Pow(2, n));
            sparse.Add(report.MeanMilliseconds);
            dense.Add(report.DenseFwhtMilliseconds ?? double.NaN);
        }
        return [CurveCharts.LogLog(Name, $"Run time vs N (K = {p.K}, noiseless)", "N (transform length)", "run time (ms)",
            [new Series("SPRIGHT (sampling included)", sizes, sparse), new Series("dense FWHT (float32, 1 thread)", sizes, dense)])];
    }
}

/// <summary>
/// The application: the Walsh spectrum of a black-box 40-spin Ising chain energy
/// E(s) = sum_i J_i s_i s_{i+1} + sum_i h_i s_i (s = +-1), recovered by SPRIGHT from its samples alone and compared
/// with the couplings it was built from.
/// </summary>
public sealed class SprightIsingFigure : IFigureBuilder
{
    public sealed record Parameters(int N, double FieldScale);

    public string Name => "spright-ising";

    public IReadOnlyList<Figure> Build(FigureRecipe recipe, bool quick)
    {
        var p = recipe.Parameters<Parameters>(quick);
        var truth = IsingChain.Couplings(p.N, p.FieldScale, recipe.Seed);
        var function = new DelegateFunction(p.N, m => IsingChain.Energy(truth, m));
        var result = SprightDecoder.Recover(function, new SprightOptions { InputBits = p.N, Sparsity = truth.Count, Seed = (ulong)recipe.Seed });
        var keys = truth.Keys.Order().ToArray();
        var index = keys.Select((_, i) => (double)i).ToArray();
        var recovered = keys.Select(k => result.Coefficients.TryGetValue(k, out var v) ? v : 0.0).ToArray();
        var figure = CurveCharts.Lines(Name,
            $"Walsh spectrum of a {p.N}-spin Ising chain from {result.Samples:N0} samples ({Fraction(result.Samples / Math.Pow(2, p.N))} of 2^{p.N})",
            "coefficient index (couplings, then fields)", "coefficient value (energy units)",
            [new Series("true", index, keys.Select(k => truth[k]).ToArray()), new Series("SPRIGHT", index, recovered)]);
        return [figure];
    }

    /// <summary>A small fraction as "2.9×10<sup>-8</sup>" (plotly.js draws the superscript).</summary>
    private static string Fraction(double value)
    {
        var exponent = (int)Math.Floor(Math.Log10(value));
        return FormattableString.Invariant($"{value / Math.Pow(10, exponent):F1}×10<sup>{exponent}</sup>");
    }
}
