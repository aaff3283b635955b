using Workbench.Core.Errors;
using Workbench.Models.Codec;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Codec;

public sealed class CompactCodecWeightsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wb-compact-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static CodecCheckpointInfo Info(int bits) => new(8, 12, 0.0067, 0, 1, 64, 1e-4, 0, [], 0, WeightBits: bits);

    /// <summary>What 16-bit storage must give back: float16 rounding of floating-point tensors outside the kept ones.</summary>
    internal static Tensor Stored(string name, Tensor original, IReadOnlyList<string> kept) =>
        original.is_floating_point() && !kept.Any(name.EndsWith) ? original.to(ScalarType.Float16).to(original.dtype) : original;

    [Fact]
    public void Floating_point_tensors_come_back_as_their_float16_rounding_the_quantiles_and_coding_tables_exactly()
    {
        var model = ScaleHyperpriorTests.Tiny(5);
        var quantiles = model.state_dict().Single(e => e.Key.EndsWith("quantiles")).Value;
        using (no_grad()) quantiles.add_(0.123456789);
        Assert.False(quantiles.to(ScalarType.Float16).to(ScalarType.Float32).equal(quantiles).all().item<bool>(), "float16 would keep the quantiles");
        var before = model.state_dict().ToDictionary(e => e.Key, e => e.Value.detach().clone());
        var checkpoints = new CodecCheckpoints(_folder);
        checkpoints.Save(3, model, Info(16));

        // Saving at 16 bits gives the model the stored weights and the tables they rebuild; the file holds exactly those.
        var saved = model.state_dict();
        var loaded = checkpoints.Load(CodecModelId.Hyperprior, 3).state_dict();
        var moved = 0;
        foreach (var (name, original) in before)
        {
            Assert.Equal(original.dtype, loaded[name].dtype);
            Assert.True(loaded[name].equal(saved[name]).all().item<bool>(), $"{name} differs from the saved model's");
            if (original.is_floating_point())
                Assert.True(loaded[name].equal(Stored(name, original, CompactCodecWeights.KeptFloat32)).all().item<bool>(), $"{name} differs from its stored value");
            if (!loaded[name].equal(original).all().item<bool>()) moved++;
        }
        Assert.True(moved > 10, $"only {moved} tensors changed in float16");
    }

    [Fact]
    public void A_checkpoint_described_before_weight_bits_existed_loads_as_float32()
    {
        var model = ScaleHyperpriorTests.Tiny(6);
        var checkpoints = new CodecCheckpoints(_folder);
        checkpoints.Save(2, model, Info(32));
        var json = Path.Combine(_folder, "hyperprior-q2.json");
        var lines = File.ReadAllLines(json);
        File.WriteAllLines(json, lines.Where(l => !l.Contains("weight_bits")).Select(l => l.Replace("\"prior_steps\": 0,", "\"prior_steps\": 0")));

        Assert.Equal(32, checkpoints.Info(CodecModelId.Hyperprior, 2).WeightBits);
        var loaded = checkpoints.Load(CodecModelId.Hyperprior, 2).state_dict();
        foreach (var (name, original) in model.state_dict())
            Assert.True(loaded[name].equal(original).all().item<bool>(), $"{name} differs after a float32 round trip");
    }

    [Fact]
    public void Unknown_weight_bits_and_a_cut_16_bit_file_are_one_line_errors()
    {
        var checkpoints = new CodecCheckpoints(_folder);
        checkpoints.Save(3, ScaleHyperpriorTests.Tiny(7), Info(16));
        var dat = Path.Combine(_folder, "hyperprior-q3.dat");
        var bytes = File.ReadAllBytes(dat);
        File.WriteAllBytes(dat, bytes[..(bytes.Length / 2)]);
        var cut = Assert.Throws<DataFileException>(() => checkpoints.Load(CodecModelId.Hyperprior, 3));
        Assert.StartsWith($"{dat}: ", cut.Message);
        Assert.DoesNotContain('\n', cut.Message);

        checkpoints.Save(4, ScaleHyperpriorTests.Tiny(7), Info(8));
        var bits = Assert.Throws<DataFileException>(() => checkpoints.Load(CodecModelId.Hyperprior, 4));
        Assert.EndsWith("hyperprior-q4.json: weight_bits must be 16 or 32, got 8", bits.Message);
    }
}
