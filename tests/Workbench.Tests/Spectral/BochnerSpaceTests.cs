using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Spectral.Sobolev;
using static TorchSharp.torch;
using static Workbench.Tests.Spectral.SpectralFixtures;

namespace Workbench.Tests.Spectral;

public class BochnerSpaceTests
{
    [Fact]
    public void NormsMatchNumpyForMeanAndTrapezoidQuadrature()
    {
        var f = Get("bochner");
        var space = new SobolevSpace(Number(f, "s"), Number(f, "alpha"));
        var w = Real(f.GetProperty("w"));
        var b = Real(f.GetProperty("b"));
        AssertClose(Real(f.GetProperty("mean_norm")), new BochnerSpace(space).Norm(w), 1e-12);
        AssertClose(Real(f.GetProperty("trapezoid_norm")), new BochnerSpace(space, TimeQuadrature.Trapezoid, Number(f, "dt")).Norm(w), 1e-12);
        Assert.Equal(Number(f, "relative_mean"), new BochnerSpace(space).RelativeError(w, b).item<double>(), 12);
    }

    [Fact]
    public void TimeMaySitInAnyLeadingDim()
    {
        var w = GradientCheck.Random(4, 5, 3, 6, 6);
        var bochner = new BochnerSpace(new SobolevSpace(1), TimeQuadrature.Trapezoid, 0.1);
        AssertClose(bochner.Norm(w.movedim(new long[] { 1 }, new long[] { 0 })), bochner.Norm(w, timeDim: 0), 1e-12);
        AssertClose(bochner.SquaredNorm(w), bochner.Inner(w, w), 1e-12);
        Assert.Throws<ArgumentException>(() => bochner.Norm(w, timeDim: -2));
    }

    [Fact]
    public void GradientMatchesFiniteDifferences()
    {
        var bochner = new BochnerSpace(new SobolevSpace(-1), TimeQuadrature.Trapezoid, 0.5);
        GradientCheck.AssertMatchesFiniteDifferences(w => bochner.Norm(w).sum(), GradientCheck.Random(5, 3, 4, 5), tolerance: 1e-5);
    }
}
