using TorchSharp;
using Workbench.Spectral.Cosine;
using static TorchSharp.torch;
using static Workbench.Tests.Spectral.SpectralFixtures;

namespace Workbench.Tests.Spectral;

public class DctTests
{
    [Fact]
    public void MatchesScipyOrthonormalDctAndIdctAtOddAndEvenSizes()
    {
        var cases = Get("dct").EnumerateArray().ToArray();
        Assert.Equal(12, cases.Length);
        foreach (var c in cases)
        {
            var x = Real(c.GetProperty("x"));
            var axes = Longs(c, "axes");
            var actual = c.GetProperty("kind").GetString() switch
            {
                "dct" => Dct.Forward(x, axes[0]),
                "dctn" => Dct.ForwardN(x, axes),
                "idct" => Dct.Inverse(x, axes[0]),
                "idctn" => Dct.InverseN(x, axes),
                var k => throw new InvalidOperationException(k),
            };
            AssertClose(Real(c.GetProperty("y")), actual, 1e-12);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(11)]
    [InlineData(64)]
    public void MatchesTheOrthonormalMatrixAndRoundTrips(long n)
    {
        var x = GradientCheck.Random(n, 4, n);
        var viaMatrix = x.matmul(DctMatrix.Full(n, ScalarType.Float64, CPU).t());
        AssertClose(viaMatrix, Dct.Forward(x), 1e-12);
        AssertClose(x, Dct.Inverse(Dct.Forward(x)), 1e-12);
        AssertClose(x, Dct.Forward(Dct.Inverse(x)), 1e-12);
    }

    [Fact]
    public void OrthonormalityPreservesEnergyIn3D()
    {
        var x = GradientCheck.Random(3, 2, 5, 6, 7);
        var y = Dct.Forward3(x);
        Assert.Equal(x.square().sum().item<double>(), y.square().sum().item<double>(), 10);
        AssertClose(x, Dct.Inverse3(y), 1e-12);
    }

    [Fact]
    public void Float32KeepsDtypeAndAgreesWithFloat64()
    {
        var x = GradientCheck.Random(4, 3, 9, 16);
        var single = Dct.Forward2(x.to(ScalarType.Float32));
        Assert.Equal(ScalarType.Float32, single.dtype);
        AssertClose(Dct.Forward2(x), single.to(ScalarType.Float64), 1e-5);
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        var weights = GradientCheck.Random(5, 5, 6);
        GradientCheck.AssertMatchesFiniteDifferences(x => (Dct.Forward2(x) * weights).square().sum(), GradientCheck.Random(6, 5, 6));
        GradientCheck.AssertMatchesFiniteDifferences(x => (Dct.Inverse(x, 0) * weights).square().sum(), GradientCheck.Random(7, 5, 6));
    }

    [Fact]
    public void TruncatedDctIsTheLeadingBlockOfTheFullTransform()
    {
        var x = GradientCheck.Random(8, 2, 12, 10);
        var full = Dct.Forward2(x);
        var truncated = DctMatrix.Truncated(DctMatrix.Truncated(x, 4, -2), 3, -1);
        AssertClose(full.narrow(-2, 0, 4).narrow(-1, 0, 3), truncated, 1e-12);

        var padded = zeros_like(full);
        padded[TensorIndex.Ellipsis, TensorIndex.Slice(0, 4), TensorIndex.Slice(0, 3)] = truncated;
        var back = DctMatrix.TruncatedInverse(DctMatrix.TruncatedInverse(truncated, 12, -2), 10, -1);
        AssertClose(Dct.Inverse2(padded), back, 1e-12);
    }

    [Fact]
    public void RejectsIntegerInput()
    {
        Assert.Throws<ArgumentException>(() => Dct.Forward(arange(4)));
    }
}
