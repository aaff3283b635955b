using Workbench.Sparse.Spright;

namespace Workbench.Sparse.Tests.Spright;

public class SprightOptionsTests
{
    public static TheoryData<SprightOptions, string> BadOptions() => new()
    {
        { new SprightOptions { InputBits = 61, Sparsity = 10 }, "InputBits" },
        { new SprightOptions { InputBits = 0, Sparsity = 10 }, "InputBits" },
        { new SprightOptions { InputBits = 20, Sparsity = 0 }, "Sparsity" },
        { new SprightOptions { InputBits = 20, Sparsity = 100, BinBits = 5 }, "exceeds 2 x bins" },
        { new SprightOptions { InputBits = 3, Sparsity = 9 }, "<= 2^n" },
        { new SprightOptions { InputBits = 20, Sparsity = 10, SnrDb = -3 }, "SnrDb" },
        { new SprightOptions { InputBits = 20, Sparsity = 10, SnrDb = double.NaN }, "SnrDb" },
        { new SprightOptions { InputBits = 12, Sparsity = 10, BinBits = 5, Hashing = HashingKind.DisjointBlocks }, "DisjointBlocks" },
        { new SprightOptions { InputBits = 20, Sparsity = 10, Stages = 0 }, "Stages" },
        { new SprightOptions { InputBits = 20, Sparsity = 10, OffsetChains = 0 }, "OffsetChains" },
        { new SprightOptions { InputBits = 20, Sparsity = 10, BinBits = 21 }, "BinBits" },
        { new SprightOptions { InputBits = 20, Sparsity = 10, FalseAlarmProbability = 0 }, "FalseAlarmProbability" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_one_line_argument_errors(SprightOptions options, string mentions)
    {
        var ex = Assert.Throws<ArgumentException>(() => options.Resolve());
        Assert.Contains(mentions, ex.Message);
        Assert.DoesNotContain('\n', ex.Message.Split(" (Parameter")[0]);
    }

    [Fact]
    public void Function_with_other_bit_count_is_an_error()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            SprightDecoder.Recover(new DelegateFunction(10, _ => 1), new SprightOptions { InputBits = 12, Sparsity = 2 }));
        Assert.Contains("input bits", ex.Message);
    }

    [Fact]
    public void Defaults_follow_n_K_and_SNR()
    {
        var noiseless = new SprightOptions { InputBits = 18, Sparsity = 20 }.Resolve();
        Assert.Equal((3, 6, DetectorKind.Noiseless, 19), (noiseless.Stages, noiseless.BinBits, noiseless.Detector, noiseless.OffsetsPerStage));
        Assert.Equal(3L * 64 * 19, noiseless.SampleCount);

        var high = new SprightOptions { InputBits = 14, Sparsity = 10, SnrDb = 30 }.Resolve();
        var low = new SprightOptions { InputBits = 14, Sparsity = 10, SnrDb = 3 }.Resolve();
        Assert.Equal(DetectorKind.Robust, high.Detector);
        Assert.Equal(1, high.OffsetChains % 2);
        Assert.True(low.OffsetChains > high.OffsetChains);
        Assert.Equal(high.OffsetChains * 15, high.OffsetsPerStage);

        var coded = new SprightOptions { InputBits = 14, Sparsity = 10, SnrDb = 10, Detector = DetectorKind.SampleOptimal }.Resolve();
        Assert.Equal(15 + 30, coded.OffsetsPerStage);
    }
}
