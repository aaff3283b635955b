using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Codec;

public sealed class CodecPrimitivesTests
{
    [Fact]
    public void Gdn_and_its_inverse_match_the_definition_computed_by_loops()
    {
        var generator = new Generator(3);
        var gdn = new Gdn(4);
        using (no_grad())
            foreach (var p in gdn.parameters()) p.copy_(rand(p.shape, generator: generator) + 0.1);
        var x = randn([2, 4, 3, 5], generator: generator);
        var beta = gdn.parameters().First().data<float>().ToArray();
        var gamma = gdn.parameters().Last().data<float>().ToArray();
        var input = x.data<float>().ToArray();

        var forward = gdn.forward(x).data<float>().ToArray();
        var inverse = new Gdn(4, inverse: true);
        inverse.load_state_dict(gdn.state_dict());
        var backward = inverse.forward(x).data<float>().ToArray();

        for (int b = 0; b < 2; b++)
        for (int i = 0; i < 4; i++)
        for (int p = 0; p < 15; p++)
        {
            double norm = beta[i] * (double)beta[i];
            for (var j = 0; j < 4; j++) norm += gamma[i * 4 + j] * (double)gamma[i * 4 + j] * input[(b * 4 + j) * 15 + p] * input[(b * 4 + j) * 15 + p];
            var value = input[(b * 4 + i) * 15 + p];
            Assert.Equal(value / Math.Sqrt(norm), forward[(b * 4 + i) * 15 + p], 5);
            Assert.Equal(value * Math.Sqrt(norm), backward[(b * 4 + i) * 15 + p], 5);
        }
    }

    [Fact]
    public void Deterministic_exp_and_erfc_agree_with_the_library_and_published_values()
    {
        foreach (var x in new[] { -740.0, -50, -3.3, -0.5, 0, 1e-9, 0.7, 2.5, 30, 700 })
            Assert.Equal(1.0, DeterministicMath.Exp(x) / Math.Exp(x), 1e-15);
        // erfc values from Abramowitz and Stegun table 7.1
        (double X, double Erfc)[] table = [(0, 1), (0.5, 0.4795001221869535), (1, 0.1572992070502851), (2, 0.004677734981047266), (-1, 1.842700792949715)];
        foreach (var (x, erfc) in table) Assert.Equal(1.0, DeterministicMath.Erfc(x) / erfc, 1.2e-7);
    }

    [Fact]
    public void Gaussian_table_spans_the_documented_scales_and_its_likelihoods_match_the_deterministic_cdf()
    {
        Assert.Equal(0.11, GaussianConditional.Scales[0], 12);
        Assert.Equal(256, GaussianConditional.Scales[^1], 9);
        Assert.Equal(0, GaussianConditional.ScaleIndex(0.01));
        Assert.Equal(63, GaussianConditional.ScaleIndex(1e6));
        var k = GaussianConditional.ScaleIndex(3.0);
        Assert.True(GaussianConditional.Scales[k] >= 3.0 && GaussianConditional.Scales[k - 1] < 3.0);
        var half = (int)Math.Ceiling(GaussianConditional.Scales[k] * 6.109);
        Assert.Equal(2 * half + 3, GaussianConditional.Table.Cdf(k).Length);

        var s = GaussianConditional.Scales[k];
        var values = tensor(new[] { -4.0, -1, 0, 2, 7 });
        var likelihood = GaussianConditional.Likelihood(values, full(5, s, ScalarType.Float64)).data<double>().ToArray();
        var cdf = GaussianConditional.Table.Cdf(k);
        for (var i = 0; i < 5; i++)
        {
            var v = (int)values[i].item<double>();
            var exact = DeterministicMath.NormalCdf((v + 0.5) / s) - DeterministicMath.NormalCdf((v - 0.5) / s);
            Assert.Equal(exact, likelihood[i], 7);
            Assert.Equal(exact, (cdf[v + half + 1] - cdf[v + half]) / 65536.0, 3);
        }
    }

    [Fact]
    public void Entropy_bottleneck_density_sums_to_one_and_the_aux_loss_fits_the_quantiles()
    {
        var bottleneck = new EntropyBottleneck(3);
        bottleneck.eval();
        var grid = arange(-250, 251, ScalarType.Float32).reshape(1, 1, 1, -1).expand(1, 3, 1, 501).contiguous();
        var (_, likelihoods) = bottleneck.forward(grid);
        var sums = likelihoods.sum([0L, 2L, 3L]).data<float>().ToArray();
        Assert.All(sums, s => Assert.Equal(1.0, s, 4));

        var optimiser = optim.Adam(bottleneck.parameters(), 2.0);
        var first = bottleneck.AuxLoss().item<float>();
        for (var step = 0; step < 300; step++)
        {
            optimiser.zero_grad();
            bottleneck.AuxLoss().backward();
            optimiser.step();
        }
        Assert.True(bottleneck.AuxLoss().item<float>() < 0.1 * first, $"aux loss went from {first} to {bottleneck.AuxLoss().item<float>()}");
        bottleneck.UpdateTables();
        var table = bottleneck.Table();
        Assert.Equal(3, table.Count);
        Assert.All(Enumerable.Range(0, 3), c => Assert.InRange(table.InRangeSymbols(c), 3, EntropyBottleneck.MaxSymbols));
    }
}
