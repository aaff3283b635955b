using System.Security.Cryptography;
using System.Text;
using TorchSharp.Modules;
using Workbench.Core.Errors;
using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Codec;

public sealed class HcfssnetArchitectureTests
{
    private static readonly HcfssnetOptions Tiny = HcfssnetTests.TinyOptions;

    /// <summary>
    /// SHA-256 of every state tensor's name and float32 bytes, in registration order, of HCFSSNet at the default options
    /// right after manual_seed(7), as the model built them before its architecture became configurable: the default
    /// model has the same module tree, checkpoint keys and random initialisation.
    /// </summary>
    [Fact]
    public void The_default_model_has_the_parameters_and_initial_weights_it_had_before_the_options_existed()
    {
        manual_seed(7);
        using var model = new Hcfssnet(new HcfssnetOptions());
        var hash = StateHash(model);
        Assert.True(hash == "66a4c4589ab55248b0aa65dc3dae2255cbf31c59680b9fb25be01f11f876b864", $"state hash {hash}");
    }

    [Theory]
    [InlineData(VfssStrides.Stride4 | VfssStrides.Stride8, "Conv2d Gdn Conv2d Gdn VfssBlock Conv2d Gdn VfssBlock Conv2d",
        "ConvTranspose2d Gdn VfssBlock ConvTranspose2d Gdn VfssBlock ConvTranspose2d Gdn ConvTranspose2d")]
    [InlineData(VfssStrides.Stride2 | VfssStrides.Stride16, "Conv2d Gdn VfssBlock Conv2d Gdn Conv2d Gdn Conv2d VfssBlock",
        "VfssBlock ConvTranspose2d Gdn ConvTranspose2d Gdn ConvTranspose2d Gdn VfssBlock ConvTranspose2d")]
    [InlineData(VfssStrides.None, "Conv2d Gdn Conv2d Gdn Conv2d Gdn Conv2d", "ConvTranspose2d Gdn ConvTranspose2d Gdn ConvTranspose2d Gdn ConvTranspose2d")]
    public void Vfss_blocks_follow_the_gdn_at_their_strides_and_g_s_mirrors_them(VfssStrides strides, string analysis, string synthesis)
    {
        using var model = new Hcfssnet(Tiny with { VfssStrides = strides });
        Assert.Equal(analysis, Layers(model, "g_a"));
        Assert.Equal(synthesis, Layers(model, "g_s"));
        Assert.Equal("ConvTranspose2d ReLU ConvTranspose2d ReLU SameConv3x3 ReLU", Layers(model, "h_s"));
        var channels = model.named_modules().Where(m => m.name.StartsWith("g_") && m.module is VfssBlock)
            .Select(m => m.module.named_parameters().First(p => p.name.EndsWith("in_proj.weight")).parameter.shape[1]);
        Assert.All(channels.Zip(BlockChannels(strides)), pair => Assert.Equal(pair.Second, pair.First));
    }

    [Fact]
    public void Fstam_in_the_hyper_synthesis_sits_before_its_last_convolution()
    {
        using var model = new Hcfssnet(Tiny with { FstamInHyperSynthesis = true });
        Assert.Equal("ConvTranspose2d ReLU ConvTranspose2d ReLU FstamBlock SameConv3x3 ReLU", Layers(model, "h_s"));
        Assert.Equal(Layers(new Hcfssnet(Tiny), "h_a"), Layers(model, "h_a"));
    }

    /// <summary>Each variant trains (gradients reach every parameter), and a saved copy loads into a model built from the same options with equal outputs.</summary>
    [Theory]
    [InlineData(VfssStrides.Stride4 | VfssStrides.Stride8 | VfssStrides.Stride16, 2, false, EntropyModel.Scale)]
    [InlineData(VfssStrides.Stride4 | VfssStrides.Stride8, 1, false, EntropyModel.Scale)]
    [InlineData(VfssStrides.Stride4 | VfssStrides.Stride8, 2, true, EntropyModel.Scale)]
    [InlineData(VfssStrides.Stride4 | VfssStrides.Stride8, 2, true, EntropyModel.MeanScale)]
    public void Variants_train_and_reload_with_equal_outputs(VfssStrides strides, int headSize, bool fstam, EntropyModel entropyModel)
    {
        var options = Tiny with { VfssStrides = strides, ScanHeadSize = headSize, FstamInHyperSynthesis = fstam, EntropyModel = entropyModel };
        manual_seed(5);
        using var model = new Hcfssnet(options);
        // Lifts the initial scales above GaussianConditional.ScaleMin, as HcfssnetTests.Tiny does.
        using (no_grad())
            model.named_parameters().Last(p => p.name.StartsWith("h_s.") && p.name.EndsWith(".bias")).parameter.fill_(0.5);
        var x = rand([1, 3, 64, 64], generator: new Generator(6));
        model.train();
        using (var output = model.forward(x))
            (-(output.YLikelihoods.log2().sum() + output.ZLikelihoods.log2().sum()) / 4096 + 100 * (output.Reconstruction - x).square().mean()).backward();
        foreach (var (name, p) in model.named_parameters().Where(p => !p.name.EndsWith("quantiles")))
            Assert.True(p.grad is { } grad && grad.abs().sum().item<float>() > 0, $"{name} has no gradient");

        var path = Path.Combine(Path.GetTempPath(), $"hcfssnet-variant-{Guid.NewGuid():N}.dat");
        try
        {
            model.save(path);
            using var loaded = new Hcfssnet(options);
            loaded.load(path);
            model.eval();
            loaded.eval();
            HcfssnetTests.AssertSameForward(model, loaded, x);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_model_with_fstam_in_the_hyper_synthesis_refuses_to_code_files_in_one_line()
    {
        using var model = new Hcfssnet(Tiny with { FstamInHyperSynthesis = true });
        model.EntropyBottleneck.UpdateTables();
        var image = ImageCodecTests.Image(64, 64, 3);
        var error = Assert.Throws<ConfigException>(() => ImageCodec.Compress(model, image, 2));
        Assert.Equal("codec: " + model.CodingRefusal, error.Message);
        Assert.Contains("FSTAM block in its hyper-synthesis", error.Message);
        Assert.DoesNotContain('\n', error.Message);

        using var codable = new Hcfssnet(Tiny);
        codable.EntropyBottleneck.UpdateTables();
        var file = ImageCodec.Compress(codable, image, 2);
        Assert.Throws<ConfigException>(() => ImageCodec.Decompress(file, (_, _) => model));
        Assert.Null(codable.CodingRefusal);
    }

    [Fact]
    public void Strides_outside_the_four_and_stride_16_with_a_head_size_not_dividing_m_are_refused()
    {
        Assert.Equal("hcfssnet: VFSS strides must be among 2, 4, 8, 16, got 3", Assert.Throws<ConfigException>(() => VfssStrideSet.Of([4, 3])).Message);
        Assert.Equal(VfssStrides.Stride4 | VfssStrides.Stride16, VfssStrideSet.Of([16, 4, 4]));
        Assert.Equal([4, 16], (VfssStrides.Stride16 | VfssStrides.Stride4).Strides());
        var error = Assert.Throws<ConfigException>(() => new HcfssnetOptions(M: 100, VfssStrides: VfssStrides.Stride16).Validate());
        Assert.Equal("hcfssnet: ScanHeadSize = 16 must divide the 100 scan channels of the VFSS block at stride 16 (M = 100).", error.Message);
        new HcfssnetOptions(M: 100).Validate();
        new HcfssnetOptions(M: 100, VfssStrides: VfssStrides.Stride16, ScanHeadSize: 4).Validate();
        Assert.Throws<ConfigException>(() => new HcfssnetOptions(ScanHeadSize: 0).Validate());
    }

    private static string Layers(Hcfssnet model, string sequence) =>
        string.Join(" ", model.named_modules().Where(m => m.name.StartsWith(sequence + ".") && !m.name[(sequence.Length + 1)..].Contains('.'))
            .Select(m => m.module.GetType().Name));

    private static IEnumerable<long> BlockChannels(VfssStrides strides)
    {
        var (n, m) = (Tiny.N, Tiny.M);
        var analysis = strides.Strides().Select(s => s == 16 ? (long)m : n);
        return analysis.Concat(analysis.Reverse());
    }

    private static string StateHash(nn.Module model)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, tensor) in model.state_dict())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
            hash.AppendData(tensor.to(ScalarType.Float32).contiguous().bytes.ToArray());
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
