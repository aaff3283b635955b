using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral;

/// <summary>Reads tests/fixtures/spectral/spectral_fixtures.json (written by make_spectral_fixtures.py).</summary>
internal static class SpectralFixtures
{
    private static readonly Lazy<JsonDocument> Document =
        new(() => JsonDocument.Parse(File.ReadAllText(FixturePaths.Of("spectral", "spectral_fixtures.json"))));

    public static JsonElement Get(string name) => Document.Value.RootElement.GetProperty(name);

    /// <summary>A {"shape", "data"} entry as a float64 tensor.</summary>
    public static Tensor Real(JsonElement entry)
    {
        var shape = entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        var data = entry.GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        return tensor(data, ScalarType.Float64).reshape(shape);
    }

    /// <summary>A {"re", "im"} entry as a complex128 tensor.</summary>
    public static Tensor Complex(JsonElement entry) =>
        complex(Real(entry.GetProperty("re")), Real(entry.GetProperty("im")));

    public static double Number(JsonElement entry, string name) => entry.GetProperty(name).GetDouble();

    public static long[] Longs(JsonElement entry, string name) =>
        entry.GetProperty(name).EnumerateArray().Select(e => e.GetInt64()).ToArray();

    public static void AssertClose(Tensor expected, Tensor actual, double tolerance = 1e-10)
    {
        Assert.Equal(expected.shape, actual.shape);
        var difference = (expected - actual).abs().max().item<double>();
        var scale = Math.Max(1.0, expected.abs().max().item<double>());
        Assert.True(difference <= tolerance * scale, $"max |difference| {difference:E3} exceeds {tolerance:E1} x {scale:G4}");
    }
}
