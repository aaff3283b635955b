using System.Text.Json;
using TorchSharp;
using Workbench.Models.Inr;
using Workbench.Tests.Shared;
using Workbench.Tests.Spectral;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Inr;

public sealed class HashGridTests
{
    /// <summary>Instant-NGP's hash with 32-bit unsigned arithmetic, one vertex at a time.</summary>
    private static long NaiveHash(long[] vertex, long size)
    {
        uint[] primes = [1u, 2654435761u, 805459861u];
        var h = 0u;
        for (var i = 0; i < vertex.Length; i++) h ^= unchecked((uint)vertex[i] * primes[i]);
        return h % size;
    }

    [Theory]
    [InlineData(2, 1L << 14)]
    [InlineData(3, 1L << 19)]
    [InlineData(3, 1000003L)]
    public void Hash_matches_the_unsigned_32_bit_reference(int d, long size)
    {
        using var g = InrChecks.Seeded(21);
        var corners = randint(0, 5000, [200, d], generator: g).to(ScalarType.Int64);
        var actual = SpatialHash.Index(corners, size).data<long>().ToArray();
        var values = corners.data<long>().ToArray();
        for (var p = 0; p < 200; p++)
            Assert.Equal(NaiveHash(values.Skip(p * d).Take(d).ToArray(), size), actual[p]);
    }

    [Fact]
    public void Level_resolutions_grow_geometrically_and_coarse_levels_are_dense()
    {
        var options = new HashGridOptions(2, 1, Levels: 16, TableSize: 1 << 14, MinResolution: 16, MaxResolution: 512);
        var resolutions = options.Resolutions();
        var b = Math.Exp((Math.Log(512) - Math.Log(16)) / 15);
        Assert.Equal(Enumerable.Range(0, 16).Select(l => (long)Math.Floor(16 * Math.Pow(b, l) + 1e-9)), resolutions);
        Assert.Equal(16, resolutions[0]);
        Assert.Equal(512, resolutions[^1]);
        Assert.Equal(17 * 17, options.LevelSizes()[0]);
        Assert.Equal(1 << 14, options.LevelSizes()[^1]);
    }

    [Theory]
    [InlineData("d2")]
    [InlineData("d3")]
    public void Encoding_matches_the_numpy_reference(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(FixturePaths.Of("inr", "hash_encoding.json")));
        var fixture = document.RootElement.GetProperty(name);
        var config = fixture.GetProperty("config");
        int Int(string key) => config.GetProperty(key).GetInt32();
        var options = new HashGridOptions(Int("d"), 1, Levels: Int("levels"), FeaturesPerLevel: Int("features"), TableSize: Int("table_size"),
            MinResolution: Int("n_min"), MaxResolution: Int("n_max"));
        Assert.Equal(SpectralFixtures.Longs(config, "resolutions"), options.Resolutions());
        Assert.Equal(SpectralFixtures.Longs(config, "sizes"), options.LevelSizes());
        var encoding = new HashGridEncoding(options);
        encoding.to(ScalarType.Float64);
        using (no_grad()) encoding.parameters().Single().copy_(SpectralFixtures.Real(fixture.GetProperty("table")));
        var actual = encoding.forward(SpectralFixtures.Real(fixture.GetProperty("points")));
        SpectralFixtures.AssertClose(SpectralFixtures.Real(fixture.GetProperty("output")), actual, 1e-12);
    }

    [Fact]
    public void Encoder_shapes_initial_range_and_gradients()
    {
        using var g = InrChecks.Seeded(22);
        var options = new HashGridOptions(2, 3, Levels: 4, FeaturesPerLevel: 2, TableSize: 64, MinResolution: 2, MaxResolution: 20, DecoderHidden: 8);
        var model = new HashGrid(options, g);
        Assert.Equal(new long[] { 5, 3 }, model.forward(rand(5, 2) * 2 - 1).shape);
        Assert.Equal(ParameterCount.Of(options), model.parameters().Sum(p => p.numel()));
        Assert.True(Table(model).abs().max().item<float>() <= 1e-4f);
        model.to(ScalarType.Float64);
        using (no_grad()) Table(model).mul_(1e3);
        var x = GradientCheck.Random(23, 4, 2).clamp(-0.95, 0.95);
        var weights = ModelChecks.Weights(24, [4, 3]);
        GradientCheck.AssertMatchesFiniteDifferences(input => (model.forward(input) * weights).sum(), x);
        ModelChecks.AssertParameterGradient(model, "encoding.table", () => (model.forward(x) * weights).sum(), [0, 33, 100, 250]);
    }

    private static Tensor Table(HashGrid model) => model.named_parameters().Single(p => p.name == "encoding.table").parameter;

    [Fact]
    public void Save_load_round_trip()
    {
        var options = new HashGridOptions(3, 1, Levels: 3, TableSize: 128, MinResolution: 2, MaxResolution: 9, DecoderHidden: 8);
        using var g1 = InrChecks.Seeded(25);
        using var g2 = InrChecks.Seeded(26);
        ModelChecks.AssertSaveLoadRoundTrip(new HashGrid(options, g1), new HashGrid(options, g2), rand(6, 3));
    }
}
