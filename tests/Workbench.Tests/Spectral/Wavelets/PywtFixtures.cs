using System.Text.Json;
using TorchSharp;
using Workbench.Spectral.Wavelets;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral.Wavelets;

/// <summary>One pywt wavedec/wavedec2 case from tests/fixtures/wavelets (see make_wavelet_fixtures.py).</summary>
public sealed record PywtCase(
    string Key,
    int Dims,
    string Wavelet,
    string Mode,
    long[] Shape,
    int Levels,
    Tensor Approximation,
    IReadOnlyList<Tensor[]> Details,
    Tensor Reconstruction);

/// <summary>Loads the golden PyWavelets fixtures once per test run.</summary>
public static class PywtFixtures
{
    private static readonly Lazy<Loaded> Data = new(Load);

    public static IReadOnlyDictionary<string, PywtCase> Cases => Data.Value.Cases;

    public static JsonElement Index => Data.Value.Index.RootElement;

    public static IEnumerable<object[]> CaseKeys() => Cases.Keys.Select(key => new object[] { key });

    /// <summary>The fixture signal x[k] = ((k * 7919 + 13) mod 1009) / 1009 - 0.5 over the flat C-order index.</summary>
    public static Tensor Signal(long[] shape)
    {
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var values = new double[count];
        for (long k = 0; k < count; k++) values[k] = (k * 7919 + 13) % 1009 / 1009.0 - 0.5;
        return tensor(values, dtype: ScalarType.Float64).reshape(shape);
    }

    private sealed record Loaded(JsonDocument Index, IReadOnlyDictionary<string, PywtCase> Cases);

    private static Loaded Load()
    {
        var index = JsonDocument.Parse(File.ReadAllText(FixturePaths.Of("wavelets", "wavelet_fixtures.json")));
        var bytes = File.ReadAllBytes(FixturePaths.Of("wavelets", "wavelet_fixtures.bin"));
        var values = new double[bytes.Length / sizeof(double)];
        Buffer.BlockCopy(bytes, 0, values, 0, bytes.Length);
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("fixtures are little-endian");

        Tensor Array(JsonElement entry)
        {
            var offset = entry.GetProperty("offset").GetInt32();
            var shape = entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var count = (int)shape.Aggregate(1L, (a, b) => a * b);
            return tensor(values.AsSpan(offset, count).ToArray(), dtype: ScalarType.Float64).reshape(shape);
        }

        var cases = new Dictionary<string, PywtCase>();
        foreach (var c in index.RootElement.GetProperty("cases").EnumerateArray())
        {
            var dims = c.GetProperty("dims").GetInt32();
            var wavelet = c.GetProperty("wavelet").GetString()!;
            var mode = c.GetProperty("mode").GetString()!;
            var shape = c.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
            var key = $"{dims}d {wavelet} {mode} {string.Join("x", shape)}";
            cases[key] = new PywtCase(
                key, dims, wavelet, mode, shape, c.GetProperty("levels").GetInt32(),
                Array(c.GetProperty("approximation")),
                c.GetProperty("details").EnumerateArray().Select(level => level.EnumerateArray().Select(Array).ToArray()).ToList(),
                Array(c.GetProperty("reconstruction")));
        }

        return new Loaded(index, cases);
    }
}
