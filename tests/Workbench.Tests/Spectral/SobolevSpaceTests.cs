using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Spectral.Sobolev;
using static TorchSharp.torch;
using static Workbench.Tests.Spectral.SpectralFixtures;

namespace Workbench.Tests.Spectral;

public class SobolevSpaceTests
{
    private static (Tensor X, Tensor Y) Grid(long h, long w, double length)
    {
        var x = arange(h, ScalarType.Float64).mul(length / h).unsqueeze(1);
        var y = arange(w, ScalarType.Float64).mul(length / w).unsqueeze(0);
        return (x, y);
    }

    [Theory]
    [InlineData(-1.0, 1.0)]
    [InlineData(-0.5, 1.0)]
    [InlineData(1.5, 1.0)]
    [InlineData(2.0, 6.283185307179586)]
    public void SingleFourierModeHasTheWeightTimesItsAmplitude(double s, double length)
    {
        var space = new SobolevSpace(s, length: length);
        var (x, y) = Grid(16, 12, length);
        var kappa = new[] { 2 * Math.PI * 3 / length, 2 * Math.PI * -2 / length };
        var weight = Math.Pow(space.Alpha + kappa[0] * kappa[0] + kappa[1] * kappa[1], s / 2);
        var phase = kappa[0] * x + kappa[1] * y;

        var complexMode = complex(cos(phase), sin(phase)) * 1.7;
        Assert.Equal(weight * 1.7, space.Norm(complexMode).item<double>(), 10);

        var realMode = 1.7 * cos(phase + 0.3);
        Assert.Equal(weight * 1.7 / Math.Sqrt(2), space.Norm(realMode).item<double>(), 10);

        var constant = full(16, 12, 2.5, ScalarType.Float64);
        Assert.Equal(Math.Pow(space.Alpha, s / 2) * 2.5, space.Norm(constant).item<double>(), 10);
    }

    [Fact]
    public void OrderZeroIsTheRootMeanSquareByParseval()
    {
        var r = GradientCheck.Random(1, 2, 9, 7);
        var space = new SobolevSpace(0);
        AssertClose(r.square().mean(new long[] { -2, -1 }), space.SquaredNorm(r), 1e-12);
    }

    [Fact]
    public void SquaredNormsMatchNumpyAtOddAndEvenSizes()
    {
        var cases = Get("sobolev").EnumerateArray().ToArray();
        Assert.Equal(30, cases.Length);
        foreach (var c in cases)
        {
            var space = new SobolevSpace(Number(c, "s"), Number(c, "alpha"), Number(c, "length"));
            AssertClose(Real(c.GetProperty("squared_norm")), space.SquaredNorm(Real(c.GetProperty("r"))), 1e-11);
        }
        var complexCase = Get("sobolev_complex");
        var complexSpace = new SobolevSpace(Number(complexCase, "s"), Number(complexCase, "alpha"));
        Assert.Equal(Number(complexCase, "squared_norm"), complexSpace.SquaredNorm(Complex(complexCase.GetProperty("r"))).item<double>(), 10);
    }

    [Fact]
    public void InnerProductAndRelativeErrorMatchNumpy()
    {
        var pair = Get("sobolev_pair");
        var space = new SobolevSpace(Number(pair, "s"), Number(pair, "alpha"));
        var a = Real(pair.GetProperty("a"));
        var b = Real(pair.GetProperty("b"));
        AssertClose(Real(pair.GetProperty("inner")), space.Inner(a, b), 1e-12);
        AssertClose(space.SquaredNorm(a), space.Inner(a, a), 1e-12);
        Assert.Equal(Number(pair, "relative"), space.RelativeError(a, b).item<double>(), 12);
    }

    [Fact]
    public void Float32KeepsItsDtype()
    {
        var r = GradientCheck.Random(2, 3, 8, 8);
        var space = new SobolevSpace(-1);
        var single = space.SquaredNorm(r.to(ScalarType.Float32));
        Assert.Equal(ScalarType.Float32, single.dtype);
        AssertClose(space.SquaredNorm(r), single.to(ScalarType.Float64), 1e-5);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(1.5)]
    public void GradientsMatchFiniteDifferences(double s)
    {
        var space = new SobolevSpace(s);
        GradientCheck.AssertMatchesFiniteDifferences(r => space.Norm(r).sum(), GradientCheck.Random(3, 2, 6, 7), tolerance: 1e-5);
    }

    [Fact]
    public void NegativeOrderWithoutAlphaIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new SobolevSpace(-1, alpha: 0));
        Assert.Contains("alpha", e.Message);
    }
}
