using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Codec;

public sealed class ScaleHyperpriorTests
{
    internal static ScaleHyperprior Tiny(int seed, EntropyModel entropyModel = EntropyModel.Scale)
    {
        var model = new ScaleHyperprior(new ScaleHyperpriorOptions(N: 8, M: 12, EntropyModel: entropyModel));
        var generator = new Generator((ulong)seed);
        using (no_grad())
            foreach (var (name, p) in model.named_parameters())
                if (name.Contains("weight")) p.copy_(randn(p.shape, generator: generator) * (1.0 / Math.Sqrt(p.shape[1] * p.shape[^1] * p.shape[^2])));
                else if (name.Contains("bias")) p.copy_(rand(p.shape, generator: generator) - 0.5);
        model.EntropyBottleneck.UpdateTables();
        return model;
    }

    [Fact]
    public void Shapes_follow_the_strides_and_bad_inputs_are_refused()
    {
        var model = Tiny(1);
        var x = rand([2, 3, 128, 64], generator: new Generator(2));
        using var output = model.forward(x);
        Assert.Equal([2L, 3, 128, 64], output.Reconstruction.shape);
        Assert.Equal([2L, 12, 8, 4], output.YLikelihoods.shape);
        Assert.Equal([2L, 8, 2, 1], output.ZLikelihoods.shape);
        Assert.Throws<ArgumentException>(() => model.forward(rand(1, 3, 96, 64)));
        Assert.Throws<ArgumentException>(() => model.forward(rand(1, 1, 64, 64)));
    }

    [Fact]
    public void The_rate_distortion_loss_reaches_every_parameter()
    {
        var model = Tiny(3);
        model.train();
        var x = rand([1, 3, 64, 64], generator: new Generator(4));
        using var output = model.forward(x);
        var bits = -(output.YLikelihoods.log2().sum() + output.ZLikelihoods.log2().sum());
        (bits / (64 * 64) + 100 * (output.Reconstruction - x).square().mean() + model.EntropyBottleneck.AuxLoss()).backward();
        foreach (var (name, p) in model.named_parameters())
            Assert.True(p.grad is not null && p.grad.abs().sum().item<float>() > 0, $"{name} has no gradient");
    }

    [Fact]
    public void Deterministic_hyper_synthesis_matches_the_torch_layers()
    {
        var model = Tiny(5);
        var z = randn([1, 8, 3, 2], generator: new Generator(6)).to(ScalarType.Float64);
        using var _ = no_grad();
        var expected = model.to(ScalarType.Float64).HyperSynthesisTorch(z).data<double>().ToArray();
        var (actual, channels, height, width) = new DeterministicHyperSynthesis(model.HyperSynthesis).Evaluate(z.data<double>().ToArray(), 8, 3, 2);
        Assert.Equal((12, 12, 8), (channels, height, width));
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 10);
    }

    [Fact]
    public void Save_and_load_keep_outputs_and_coding_tables()
    {
        var model = Tiny(7);
        model.eval();
        var path = Path.Combine(Path.GetTempPath(), $"hyperprior-{Guid.NewGuid():N}.dat");
        try
        {
            model.save(path);
            var loaded = new ScaleHyperprior(model.Options);
            loaded.load(path);
            loaded.eval();
            var x = rand([1, 3, 64, 64], generator: new Generator(8));
            using var a = model.forward(x);
            using var b = loaded.forward(x);
            Assert.True(a.Reconstruction.equal(b.Reconstruction).all().item<bool>());
            Assert.True(a.ZLikelihoods.equal(b.ZLikelihoods).all().item<bool>());
            for (var c = 0; c < 8; c++)
                Assert.Equal(model.EntropyBottleneck.Table().Cdf(c).ToArray(), loaded.EntropyBottleneck.Table().Cdf(c).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
