using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Spectral.Hadamard;
using static TorchSharp.torch;
using static Workbench.Tests.Spectral.SpectralFixtures;

namespace Workbench.Tests.Spectral;

public class WalshHadamardTests
{
    [Fact]
    public void TransformOfIdentityIsScipyHadamardMatrix()
    {
        var fixture = Get("hadamard");
        AssertClose(Real(fixture.GetProperty("h8")), WalshHadamard.Transform(eye(8, dtype: ScalarType.Float64)), 0);
        AssertClose(Real(fixture.GetProperty("h8")), WalshHadamard.Matrix(8, ScalarType.Float64, CPU), 0);
    }

    [Theory]
    [InlineData(2L)]
    [InlineData(64L)]
    [InlineData(2048L)]
    public void LargeSizesFollowTheSylvesterRecursion(long n)
    {
        // H_2N [a; b] = [H_N a + H_N b; H_N a - H_N b], whichever stages the transform groups the butterflies into.
        var x = GradientCheck.Random(n, 3, n);
        var a = WalshHadamard.Transform(x.narrow(-1, 0, n / 2));
        var b = WalshHadamard.Transform(x.narrow(-1, n / 2, n / 2));
        AssertClose(cat(new[] { a + b, a - b }, -1), WalshHadamard.Transform(x), 1e-12);
    }

    [Fact]
    public void BatchedTransformMatchesScipyHadamardProduct()
    {
        var fixture = Get("hadamard");
        var x = Real(fixture.GetProperty("x"));
        AssertClose(Real(fixture.GetProperty("y")), WalshHadamard.Transform(x), 1e-13);
        AssertClose(Real(fixture.GetProperty("y")) / 4, WalshHadamard.Transform(x, orthonormal: true), 1e-13);
    }

    [Fact]
    public void InverseRoundTripsAndOrthonormalPreservesEnergy()
    {
        var x = GradientCheck.Random(1, 2, 3, 64);
        AssertClose(x, WalshHadamard.Inverse(WalshHadamard.Transform(x)), 1e-12);
        var y = WalshHadamard.Transform(x, orthonormal: true);
        AssertClose(x, WalshHadamard.Transform(y, orthonormal: true), 1e-12);
        Assert.Equal(x.square().sum().item<double>(), y.square().sum().item<double>(), 10);
        AssertClose(x.narrow(-1, 5, 1), WalshHadamard.Transform(x.narrow(-1, 5, 1), orthonormal: true), 0);
    }

    [Fact]
    public void GradientsMatchFiniteDifferences()
    {
        var weights = GradientCheck.Random(2, 3, 16);
        GradientCheck.AssertMatchesFiniteDifferences(
            x => (WalshHadamard.Transform(x, orthonormal: true) * weights).square().sum(), GradientCheck.Random(3, 3, 16));
    }

    [Fact]
    public void RejectsLengthsThatAreNotPowersOfTwo()
    {
        var e = Assert.Throws<ArgumentException>(() => WalshHadamard.Transform(zeros(3, 12)));
        Assert.Contains("power of two", e.Message);
    }
}
