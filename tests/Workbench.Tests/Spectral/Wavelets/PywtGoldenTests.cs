using Workbench.Spectral.Wavelets;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral.Wavelets;

/// <summary>Every wavelet x mode x size against pywt 1.1.1 wavedec/waverec and wavedec2/waverec2 (float64).</summary>
public class PywtGoldenTests
{
    private const double Tolerance = 1e-10;

    public static IEnumerable<object[]> Cases() => PywtFixtures.CaseKeys();

    public static IEnumerable<object[]> WaveletNames() =>
        PywtFixtures.Index.GetProperty("filters").EnumerateObject().Select(p => new object[] { p.Name });

    [Fact]
    public void FixturesCoverEveryWaveletAndMode()
    {
        var cases = PywtFixtures.Cases.Values.ToList();
        foreach (var wavelet in Enum.GetValues<WaveletName>().Select(Wavelet.Get))
        foreach (var mode in Enum.GetValues<ExtensionMode>())
        foreach (var dims in new[] { 1, 2 })
            Assert.Contains(cases, c => c.Wavelet == wavelet.PywtName && c.Mode == mode.PywtName() && c.Dims == dims);
        Assert.Contains(cases, c => c.Levels == 2 && c.Wavelet == "bior2.4" && c.Dims == 2);
        Assert.Contains(cases, c => c.Shape.Any(n => n % 2 == 1));
    }

    [Theory]
    [MemberData(nameof(WaveletNames))]
    public void FilterBanksMatchPywt(string name)
    {
        var wavelet = Wavelet.Parse(name);
        var filters = PywtFixtures.Index.GetProperty("filters").GetProperty(name);
        void Check(string key, IReadOnlyList<double> actual)
        {
            var expected = filters.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            Assert.Equal(expected.Length, actual.Count);
            for (var k = 0; k < expected.Length; k++)
                Assert.True(Math.Abs(expected[k] - actual[k]) < 1e-15, $"{name} {key}[{k}]: {actual[k]} vs {expected[k]}");
        }

        Check("dec_lo", wavelet.DecLo);
        Check("dec_hi", wavelet.DecHi);
        Check("rec_lo", wavelet.RecLo);
        Check("rec_hi", wavelet.RecHi);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecomposeMatchesPywt(string key)
    {
        var c = PywtFixtures.Cases[key];
        var x = PywtFixtures.Signal(c.Shape);
        var wavelet = Wavelet.Parse(c.Wavelet);
        var mode = ExtensionModes.Parse(c.Mode);
        if (c.Dims == 1)
        {
            var coefficients = Dwt1D.Decompose(x, wavelet, c.Levels, mode);
            TensorAssert.Close(c.Approximation, coefficients.Approximation, Tolerance, $"{key} cA");
            Assert.Equal(c.Details.Count, coefficients.Levels);
            for (var i = 0; i < c.Details.Count; i++)
                TensorAssert.Close(c.Details[i][0], coefficients.Details[i], Tolerance, $"{key} details[{i}]");
        }
        else
        {
            var coefficients = Dwt2D.Decompose(x, wavelet, c.Levels, mode);
            TensorAssert.Close(c.Approximation, coefficients.Approximation, Tolerance, $"{key} cA");
            Assert.Equal(c.Details.Count, coefficients.Levels);
            for (var i = 0; i < c.Details.Count; i++)
            {
                var (h, v, d) = coefficients.Details[i];
                TensorAssert.Close(c.Details[i][0], h, Tolerance, $"{key} details[{i}] cH");
                TensorAssert.Close(c.Details[i][1], v, Tolerance, $"{key} details[{i}] cV");
                TensorAssert.Close(c.Details[i][2], d, Tolerance, $"{key} details[{i}] cD");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReconstructMatchesPywtIncludingOddSizeTrimming(string key)
    {
        var c = PywtFixtures.Cases[key];
        var wavelet = Wavelet.Parse(c.Wavelet);
        var mode = ExtensionModes.Parse(c.Mode);
        // pywt's own coefficients, without the original size: the untrimmed waverec/waverec2 result.
        var reconstruction = c.Dims == 1
            ? Dwt1D.Reconstruct(new WaveletCoefficients1D(c.Approximation, c.Details.Select(d => d[0]).ToList(), wavelet, mode))
            : Dwt2D.Reconstruct(new WaveletCoefficients2D(
                c.Approximation, c.Details.Select(d => new DetailBands2D(d[0], d[1], d[2])).ToList(), wavelet, mode));
        TensorAssert.Close(c.Reconstruction, reconstruction, Tolerance, $"{key} waverec");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecomposeThenReconstructReturnsTheSignal(string key)
    {
        var c = PywtFixtures.Cases[key];
        var x = PywtFixtures.Signal(c.Shape);
        var wavelet = Wavelet.Parse(c.Wavelet);
        var mode = ExtensionModes.Parse(c.Mode);
        var reconstruction = c.Dims == 1
            ? Dwt1D.Reconstruct(Dwt1D.Decompose(x, wavelet, c.Levels, mode))
            : Dwt2D.Reconstruct(Dwt2D.Decompose(x, wavelet, c.Levels, mode));
        TensorAssert.Close(x, reconstruction, Tolerance, $"{key} round trip");
    }
}
