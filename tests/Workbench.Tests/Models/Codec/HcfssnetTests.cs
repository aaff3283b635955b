using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Data.Images;
using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Codec;

public sealed class HcfssnetTests
{
    internal static readonly HcfssnetOptions TinyOptions =
        new(N: 8, M: 12, StateSize: 4, ChunkLength: 8, ScanHeadSize: 2, ModulationHidden: 4, AttentionHeads: 2);

    internal static void AssertSameForward(Hcfssnet expected, Hcfssnet actual, Tensor x)
    {
        using var _ = no_grad();
        using var a = expected.forward(x);
        using var b = actual.forward(x);
        Assert.True(a.Reconstruction.equal(b.Reconstruction).all().item<bool>(), "reconstruction");
        Assert.True(a.YLikelihoods.equal(b.YLikelihoods).all().item<bool>(), "y likelihoods");
        Assert.True(a.ZLikelihoods.equal(b.ZLikelihoods).all().item<bool>(), "z likelihoods");
    }

    internal static Hcfssnet Tiny(int seed, EntropyModel entropyModel = EntropyModel.Scale)
    {
        manual_seed(seed);
        var model = new Hcfssnet(TinyOptions with { EntropyModel = entropyModel });
        // Lifts the initial scales above GaussianConditional.ScaleMin, where the clamp would block the rate's gradient.
        using (no_grad())
            model.named_parameters().Single(p => p.name == "h_s.4.bias").parameter.fill_(0.5);
        model.EntropyBottleneck.UpdateTables();
        return model;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(64)]
    public void Chunked_scan_matches_a_sequential_loop(int chunk)
    {
        var g = new Generator(11);
        var (groups, heads, headSize, states, length) = (2, 2, 3, 4, 37);
        var channels = heads * headSize;
        var x = randn([groups, channels, length], ScalarType.Float64, generator: g);
        var delta = nn.functional.softplus(3 * randn([groups, heads, length], ScalarType.Float64, generator: g));
        var a = -randn([heads], ScalarType.Float64, generator: g).exp();
        var b = randn([groups, states, length], ScalarType.Float64, generator: g);
        var c = randn([groups, states, length], ScalarType.Float64, generator: g);
        var d = randn([channels], ScalarType.Float64, generator: g);

        var actual = SelectiveScan.Apply(x, delta, a, b, c, d, chunk);

        var (channelDelta, channelA) = (delta.repeat_interleave(headSize, 1), a.repeat_interleave(headSize, 0));
        var h = zeros([groups, channels, states], ScalarType.Float64);
        var expected = zeros_like(x);
        for (var t = 0; t < length; t++)
        {
            var (xt, dt) = (x.select(-1, t).unsqueeze(-1), channelDelta.select(-1, t).unsqueeze(-1));
            h = (dt * channelA.unsqueeze(-1)).exp() * h + dt * xt * b.select(-1, t).unsqueeze(1);
            expected.select(-1, t).copy_((h * c.select(-1, t).unsqueeze(1)).sum(-1) + d * x.select(-1, t));
        }
        Assert.True(actual.allclose(expected, rtol: 0, atol: 1e-10), $"max error {(actual - expected).abs().max().item<double>()}");
    }

    [Fact]
    public void Chunked_states_match_a_sequential_loop()
    {
        var g = new Generator(12);
        var logDecay = -nn.functional.softplus(3 * randn([3, 41], ScalarType.Float64, generator: g));
        var inputs = randn([3, 41, 2], ScalarType.Float64, generator: g);
        var actual = SelectiveScan.States(logDecay, inputs, 3);
        var h = zeros([3, 2], ScalarType.Float64);
        for (var t = 0; t < 41; t++)
        {
            h = logDecay.select(-1, t).exp().unsqueeze(-1) * h + inputs.select(1, t);
            Assert.True(actual.select(1, t).allclose(h, rtol: 0, atol: 1e-10), $"step {t}");
        }
    }

    [Theory]
    [InlineData(ScanDirections.Rows)]
    [InlineData(ScanDirections.Columns)]
    [InlineData(ScanDirections.Diagonal)]
    [InlineData(ScanDirections.AntiDiagonal)]
    public void Each_scan_direction_is_causal_in_its_order(ScanDirections direction)
    {
        manual_seed(21);
        var vonss = new Vonss(4, TinyOptions with { StateSize = 3, ChunkLength = 5 });
        vonss.to(ScalarType.Float64);
        var (height, width) = (6L, 7L);
        var index = vonss.Directions.ToList().IndexOf(direction);
        var order = ScanOrder.Permutation(direction, height, width);
        var features = randn([1, 4, height, width], ScalarType.Float64, generator: new Generator(22));
        var step = order.Length / 2;
        var perturbed = features.clone();
        perturbed.flatten(2).select(2, order[step]).add_(1.0);

        using var _ = no_grad();
        var change = (vonss.Scan(perturbed, [index]) - vonss.Scan(features, [index])).abs().sum(1).flatten();
        for (var t = 0; t < order.Length; t++)
        {
            var changed = change[order[t]].item<double>();
            if (t < step) Assert.Equal(0.0, changed);
            if (t == step) Assert.True(changed > 0, "the perturbed pixel's own output did not change");
        }
        Assert.True(change[order[^1]].item<double>() > 0, "the last pixel in scan order did not see the perturbation");
    }

    [Fact]
    public void Scan_orders_visit_every_pixel_once_moving_along_their_lines()
    {
        var (height, width) = (5L, 3L);
        (ScanDirections Direction, long Di, long Dj)[] steps =
            [(ScanDirections.Rows, 0, 1), (ScanDirections.Columns, 1, 0), (ScanDirections.Diagonal, 1, 1), (ScanDirections.AntiDiagonal, 1, -1)];
        foreach (var (direction, di, dj) in steps)
        {
            var order = ScanOrder.Permutation(direction, height, width);
            Assert.Equal(Enumerable.Range(0, 15).Select(i => (long)i), order.Order());
            var alongLine = order.Zip(order.Skip(1)).Count(p => p.Second / width - p.First / width == di && p.Second % width - p.First % width == dj);
            var lines = direction switch { ScanDirections.Rows => height, ScanDirections.Columns => width, _ => height + width - 1 };
            Assert.Equal(order.Length - lines, alongLine);
        }
    }

    [Fact]
    public void Afmm_with_unit_gains_is_the_identity()
    {
        manual_seed(31);
        var afmm = new Afmm(5, 8, 6);
        using (no_grad())
            foreach (var (name, p) in afmm.named_parameters())
                if (name.StartsWith("gain_mlp.2")) p.zero_();
        var x = randn([2, 5, 12, 20], generator: new Generator(32));
        using var _ = no_grad();
        Assert.True(afmm.forward(x).allclose(x, rtol: 0, atol: 1e-5));
    }

    [Fact]
    public void Window_attention_keeps_the_shape_and_stays_inside_each_window()
    {
        manual_seed(41);
        var attention = new WindowAttention(8, 4, 2);
        var x = randn([2, 8, 8, 12], generator: new Generator(42));
        var perturbed = x.clone();
        perturbed[1, TensorIndex.Colon, 5, 6].add_(randn([8], generator: new Generator(43)));
        using var _ = no_grad();
        var before = attention.forward(x);
        var change = (attention.forward(perturbed) - before).abs().sum(1);
        Assert.Equal([2L, 8, 8, 12], before.shape);
        var inside = change[1, TensorIndex.Slice(4, 8), TensorIndex.Slice(4, 8)];
        Assert.True(inside.min().item<float>() > 0, "every pixel of the perturbed window should change");
        Assert.Equal(0f, change.sum().item<float>() - inside.sum().item<float>(), 5);
    }

    [Fact]
    public void Shapes_follow_the_strides_and_bad_inputs_are_refused()
    {
        var model = Tiny(51);
        var x = rand([2, 3, 128, 64], generator: new Generator(52));
        using var output = model.forward(x);
        Assert.Equal([2L, 3, 128, 64], output.Reconstruction.shape);
        Assert.Equal([2L, 12, 8, 4], output.YLikelihoods.shape);
        Assert.Equal([2L, 8, 2, 1], output.ZLikelihoods.shape);
        Assert.Equal([2L, 12, 8, 4], model.Analysis(x).shape);
        Assert.Throws<ArgumentException>(() => model.forward(rand(1, 3, 96, 64)));
        Assert.Throws<ArgumentException>(() => model.forward(rand(1, 1, 64, 64)));
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        Assert.Throws<ConfigException>(() => new HcfssnetOptions(ChunkLength: 1).Validate());
        Assert.Throws<ConfigException>(() => new HcfssnetOptions(Directions: 0).Validate());
        Assert.Throws<ConfigException>(() => new HcfssnetOptions(AttentionWindow: 8).Validate());
        Assert.Throws<ConfigException>(() => new HcfssnetOptions(N: 10, AttentionHeads: 4).Validate());
        Assert.Throws<ConfigException>(() => new HcfssnetOptions(ScanHeadSize: 24).Validate());
    }

    [Fact]
    public void The_rate_distortion_loss_reaches_every_parameter()
    {
        var model = Tiny(61);
        model.train();
        var x = rand([1, 3, 64, 64], generator: new Generator(62));
        using var output = model.forward(x);
        var bits = -(output.YLikelihoods.log2().sum() + output.ZLikelihoods.log2().sum());
        (bits / (64 * 64) + 100 * (output.Reconstruction - x).square().mean() + model.EntropyBottleneck.AuxLoss()).backward();
        foreach (var (name, p) in model.named_parameters())
        {
            Assert.True(p.grad is not null, $"{name} has no gradient");
            Assert.True(p.grad.isfinite().all().item<bool>(), $"{name} has a non-finite gradient");
            Assert.True(p.grad.abs().sum().item<float>() > 0, $"{name} has a zero gradient");
        }
    }

    [Fact]
    public void Evaluation_rounds_the_latent()
    {
        var model = Tiny(71);
        model.eval();
        var x = rand([1, 3, 64, 64], generator: new Generator(72));
        using var _ = no_grad();
        using var output = model.forward(x);
        Assert.True(output.Reconstruction.allclose(model.Synthesis(model.Analysis(x).round())));
    }

    [Fact]
    public void Save_and_load_keep_outputs()
    {
        var model = Tiny(81);
        model.eval();
        var path = Path.Combine(Path.GetTempPath(), $"hcfssnet-{Guid.NewGuid():N}.dat");
        try
        {
            model.save(path);
            var loaded = new Hcfssnet(model.Options);
            loaded.load(path);
            loaded.eval();
            var x = rand([1, 3, 64, 64], generator: new Generator(82));
            HcfssnetTests.AssertSameForward(model, loaded, x);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_coded_image_names_the_model_and_decodes_to_its_quantised_reconstruction_the_same_every_run()
    {
        var model = Tiny(91);
        var image = ImageCodecTests.Image(90, 64, 5);

        var bytes = ImageCodec.Compress(model, image, quality: 2);
        var requested = new List<CodecModelId>();
        var decoded = ImageCodec.Decompress(bytes, (id, _) => { requested.Add(id); return model; });

        Assert.Equal([CodecModelId.Hcfssnet], requested);
        Assert.Equal(bytes, ImageCodec.Compress(Tiny(91), image, quality: 2));
        model.eval();
        using var _ = no_grad();
        using var output = model.forward(ImageTensors.Pad(ImageTensors.ToTensor(image), 64));
        Assert.Equal(ImageTensors.ToImage(output.Reconstruction, 90, 64).Pixels, decoded.Pixels);
    }
}
