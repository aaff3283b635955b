using Workbench.Core.Errors;
using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Codec;

/// <summary>A grown HCFSSNet starts as exactly the trained one it grew from: the oracle is the trained model's own output.</summary>
public sealed class HcfssnetGrowthTests
{
    private static readonly HcfssnetOptions Trained = HcfssnetTests.TinyOptions with { RateLevels = new RateLevels(2, 3) };

    public static TheoryData<string> Variants => ["scan head 1", "strides 4 8 16", "strides 2 4 8", "fstam in h_s", "all"];

    private static HcfssnetOptions Variant(string name) => name switch
    {
        "scan head 1" => Trained with { ScanHeadSize = 1 },
        "strides 4 8 16" => Trained with { VfssStrides = VfssStrides.Stride4 | VfssStrides.Stride8 | VfssStrides.Stride16 },
        "strides 2 4 8" => Trained with { VfssStrides = VfssStrides.Stride2 | VfssStrides.Stride4 | VfssStrides.Stride8 },
        "fstam in h_s" => Trained with { FstamInHyperSynthesis = true },
        _ => Trained with { ScanHeadSize = 1, VfssStrides = VfssStrides.Stride2 | VfssStrides.Stride4 | VfssStrides.Stride8 | VfssStrides.Stride16, FstamInHyperSynthesis = true },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_grown_model_computes_what_the_trained_one_does_at_every_level(string variant)
    {
        manual_seed(3);
        using var trained = new Hcfssnet(Trained);
        using var grown = new Hcfssnet(Variant(variant));
        HcfssnetGrowth.Grow(trained, grown);
        trained.eval();
        grown.eval();
        var image = rand(1, 3, 64, 128);

        foreach (var quality in new[] { 2.0, 2.5, 4.0 })
        {
            using var before = trained.forward(image, new CodecQuality((int)(quality * 100), VariableRate: true));
            using var after = grown.forward(image, new CodecQuality((int)(quality * 100), VariableRate: true));
            AssertClose(before.Reconstruction, after.Reconstruction, $"{variant}: reconstruction at {quality}");
            AssertClose(before.YLikelihoods, after.YLikelihoods, $"{variant}: y likelihoods at {quality}");
            AssertClose(before.ZLikelihoods, after.ZLikelihoods, $"{variant}: z likelihoods at {quality}");
        }
        Assert.True(grown.parameters().Sum(p => p.numel()) > trained.parameters().Sum(p => p.numel()), "the variant adds parameters");
    }

    [Fact]
    public void A_model_cannot_grow_into_one_with_fewer_blocks_or_coarser_heads()
    {
        using var trained = new Hcfssnet(Trained with { VfssStrides = VfssStrides.Stride4 | VfssStrides.Stride8 | VfssStrides.Stride16 });
        using var fewer = new Hcfssnet(Trained);
        using var coarser = new Hcfssnet(Trained with { VfssStrides = trained.Options.VfssStrides, ScanHeadSize = 4 });

        Assert.Equal("g_a: a grown hcfssnet keeps every block of the trained one",
            Assert.Throws<ConfigException>(() => HcfssnetGrowth.Grow(trained, fewer)).Message);
        Assert.Equal("vonss: a scan with 4 heads of 8 channels cannot start one with 2 heads of 8",
            Assert.Throws<ConfigException>(() => HcfssnetGrowth.Grow(trained, coarser)).Message);
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        var difference = (expected - actual).abs().max().item<float>();
        Assert.True(difference < 1e-5f, $"{what}: differs by {difference}");
    }
}
