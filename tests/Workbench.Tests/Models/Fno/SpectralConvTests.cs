using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Models.Operators.Fno;
using Workbench.Tests.Spectral;
using Workbench.Tests.Training;
using static TorchSharp.torch;

namespace Workbench.Tests.Models.Fno;

public sealed class SpectralConvTests
{
    [Theory]
    [InlineData("spectral_conv1d")]
    [InlineData("spectral_conv2d")]
    [InlineData("spectral_conv3d")]
    public void MatchesTheNumpyOracleIncludingGridsBelowTheRetainedSet(string name)
    {
        var fixture = OperatorFixtures.Get(name);
        var modes = SpectralFixtures.Longs(fixture.GetProperty("config"), "modes").Select(m => (int)m).ToArray();
        var conv = OperatorFixtures.Load(new SpectralConv(
            OperatorFixtures.Config(fixture, "in").GetInt32(), OperatorFixtures.Config(fixture, "out").GetInt32(),
            modes, FnoInit.Naive, modes.Select(m => 2L * m + 2).ToArray()), fixture);
        foreach (var example in fixture.GetProperty("cases").EnumerateArray())
        {
            var output = conv.forward(OperatorFixtures.Input(example));
            Assert.Equal(ScalarType.Float64, output.dtype);
            SpectralFixtures.AssertClose(OperatorFixtures.Output(example), output, 1e-12);
        }
    }

    [Fact]
    public void IsExactUnderResolutionChangeForABandLimitedInput()
    {
        using var generator = new Generator(7);
        var conv = new SpectralConv(3, 2, [4, 3], FnoInit.VariancePreserving, [16, 16]);
        conv.to(ScalarType.Float64);
        var coefficients = randn([1, 3, 5, 5], ScalarType.Float64, generator: generator);
        var coarse = conv.forward(BandLimited(coefficients, 16));
        var fine = conv.forward(BandLimited(coefficients, 32));
        SpectralFixtures.AssertClose(coarse, fine.slice(2, 0, 32, 2).slice(3, 0, 32, 2), 1e-12);
    }

    [Fact]
    public void RejectsInputWithTheWrongChannelCount()
    {
        var conv = new SpectralConv(3, 2, [4, 3], FnoInit.Naive, [16, 16]);
        var error = Assert.Throws<ArgumentException>(() => conv.forward(zeros(1, 2, 16, 16)));
        Assert.Contains("[B, 3,", error.Message);
    }

    /// <summary>
    /// sum over wavenumbers k in {-2..2}^d of c_k cos(2 pi k.x + phase_k) sampled on an n^d grid of [0, 1)^d, for
    /// coefficients [B, C, 5, ..., 5] (d fives).
    /// </summary>
    internal static Tensor BandLimited(Tensor coefficients, long n)
    {
        var d = (int)coefficients.dim() - 2;
        var t = arange(n, ScalarType.Float64) / n;
        var field = zeros([coefficients.shape[0], coefficients.shape[1], .. Enumerable.Repeat(n, d)], ScalarType.Float64);
        foreach (var index in Enumerable.Range(0, (int)Math.Pow(5, d)))
        {
            var digits = Enumerable.Range(0, d).Select(i => index / (int)Math.Pow(5, i) % 5).ToArray();
            var phase = full(Enumerable.Repeat(1L, d).ToArray(), 0.3 * digits.Select((a, i) => (i + 1) * a).Sum(), ScalarType.Float64);
            for (var i = 0; i < d; i++)
            {
                var shape = Enumerable.Repeat(1L, d).ToArray();
                shape[i] = n;
                phase = phase + (2 * Math.PI) * (digits[i] - 2) * t.reshape(shape);
            }
            var c = coefficients;
            foreach (var a in digits) c = c.select(2, a);
            field += c.reshape([c.shape[0], c.shape[1], .. Enumerable.Repeat(1L, d)]) * cos(phase);
        }
        return field;
    }
}

[Collection(TrainingRunCollection.Name)]
public sealed class SpectralInitTests
{
    // The exact count 4 m1 m2 - 3 m1 (plus the Nyquist column when kept) gives ratios within ~1.5% here; the approximate
    // 4 m1 m2 + 4 would give 0.85, 0.70 and 0.81, and confusing the complex with the per-part std a factor 2.
    [Theory]
    [InlineData(6, 6, 32, 32)]
    [InlineData(5, 3, 24, 20)]
    [InlineData(4, 9, 16, 16)]
    public void VariancePreservingInitKeepsTheVarianceOfWhiteNoise(int m1, int m2, int n1, int n2)
    {
        manual_seed(11);
        var ratios = new List<double>();
        for (var trial = 0; trial < 4; trial++)
        {
            var conv = new SpectralConv(16, 16, [m1, m2], FnoInit.VariancePreserving, [n1, n2]);
            var x = randn(8, 16, n1, n2);
            ratios.Add(conv.forward(x).var().item<float>() / x.var().item<float>());
        }
        var mean = ratios.Average();
        Assert.InRange(mean, 0.95, 1.05);
    }

    [Fact]
    public void NaiveInitCollapsesTheVariance()
    {
        manual_seed(12);
        var conv = new SpectralConv(16, 16, [6, 6], FnoInit.Naive, [32, 32]);
        var x = randn(8, 16, 32, 32);
        Assert.True(conv.forward(x).var().item<float>() < 1e-2f * x.var().item<float>());
    }

    [Fact]
    public void RealPartStdFollowsTheExactModeCount()
    {
        // 2-D, no Nyquist column: E = 4 m1 m2 - 3 m1; s = sqrt(N / (c_in E)) / sqrt 2.
        Assert.Equal(Math.Sqrt(64.0 * 64 / (32 * (4.0 * 12 * 12 - 3 * 12)) / 2), SpectralInitScale.RealPartStd(32, [12, 12], [64, 64]), 12);
        // 3-D: E = 4 m1 m2 (2 m3 - 3/2).
        Assert.Equal(Math.Sqrt(64.0 * 64 * 40 / (20 * 4.0 * 64 * 14.5) / 2), SpectralInitScale.RealPartStd(20, [8, 8, 8], [64, 64, 40]), 12);
        // Every column kept on an even axis: the Nyquist column is self-conjugate too, 2 m1 (2 (m2 - 2) + 1).
        Assert.Equal(Math.Sqrt(16.0 * 16 / (4 * 8.0 * (2 * 7 + 1)) / 2), SpectralInitScale.RealPartStd(4, [4, 9], [16, 16]), 12);
    }
}
