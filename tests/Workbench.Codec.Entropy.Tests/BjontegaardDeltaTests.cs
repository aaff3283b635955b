using System.Text.Json;
using Workbench.Codec.Entropy.RateDistortion;

namespace Workbench.Codec.Entropy.Tests;

public class BjontegaardDeltaTests
{
    private sealed record Case(string Name, double[] AnchorRate, double[] AnchorPsnr, double[] TestRate, double[] TestPsnr, double Cubic, double Pchip);

    private static readonly JsonSerializerOptions Snake = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static Case Load(string name) =>
        JsonSerializer.Deserialize<Case[]>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "bd_rate.json")), Snake)!
            .Single(c => c.Name == name);

    public static TheoryData<string> Cases => new() { "hyperprior-vs-vtm", "jpeg-vs-vtm", "synthetic-0", "synthetic-1", "synthetic-2", "synthetic-3" };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Matches_numpy_polyfit_and_scipy_pchip(string name)
    {
        var c = Load(name);
        Assert.Equal(c.Cubic, BjontegaardDelta.Rate(c.AnchorRate, c.AnchorPsnr, c.TestRate, c.TestPsnr, BdInterpolation.Cubic), 1e-9);
        Assert.Equal(c.Pchip, BjontegaardDelta.Rate(c.AnchorRate, c.AnchorPsnr, c.TestRate, c.TestPsnr, BdInterpolation.Pchip), 1e-9);
    }

    [Theory]
    [InlineData("hyperprior-vs-vtm", 0.301, 0.305, 0.0005)]
    [InlineData("jpeg-vs-vtm", 2.10, 2.08, 0.005)]
    public void Reproduces_the_published_kodak_bd_rates(string name, double cubic, double pchip, double halfLastDigit)
    {
        var c = Load(name);
        Assert.Equal(cubic, BjontegaardDelta.Rate(c.AnchorRate, c.AnchorPsnr, c.TestRate, c.TestPsnr, BdInterpolation.Cubic), halfLastDigit);
        Assert.Equal(pchip, BjontegaardDelta.Rate(c.AnchorRate, c.AnchorPsnr, c.TestRate, c.TestPsnr, BdInterpolation.Pchip), halfLastDigit);
    }

    [Fact]
    public void A_curve_at_half_the_rate_everywhere_saves_exactly_half()
    {
        double[] psnr = [28, 31, 33.5, 36, 40];
        double[] rate = [0.1, 0.25, 0.5, 0.9, 2.0];
        foreach (var interpolation in new[] { BdInterpolation.Cubic, BdInterpolation.Pchip })
            Assert.Equal(-0.5, BjontegaardDelta.Rate(rate, psnr, rate.Select(r => r / 2).ToArray(), psnr, interpolation), 1e-12);
    }

    [Fact]
    public void Disjoint_or_degenerate_curves_are_refused()
    {
        double[] rate = [0.1, 0.2, 0.4, 0.8];
        Assert.Throws<ArgumentException>(() => BjontegaardDelta.Rate(rate, [20, 21, 22, 23], rate, [30, 31, 32, 33], BdInterpolation.Pchip));
        Assert.Throws<ArgumentException>(() => BjontegaardDelta.Rate(rate, [20, 21, 21, 23], rate, [20, 21, 22, 23], BdInterpolation.Cubic));
        Assert.Throws<ArgumentException>(() => BjontegaardDelta.Rate(rate, [20, 21, 22], rate, [20, 21, 22, 23], BdInterpolation.Cubic));
    }
}
