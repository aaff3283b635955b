using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Data.Generators.NavierStokes;
using Workbench.Spectral.Pde;
using Workbench.Spectral.Sobolev;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral.Pde;

public class VorticityResidualTests
{
    private const double Nu = 1e-3;

    /// <summary>Grid coordinates x (dim -2) and y (dim -1) on [0, L)^2, float64.</summary>
    private static (Tensor X, Tensor Y) Grid(long n, double length = 1.0) =>
        (arange(n, ScalarType.Float64).mul(length / n).reshape(n, 1), arange(n, ScalarType.Float64).mul(length / n).reshape(1, n));

    /// <summary>Frame times t_0 + i dt as [T, 1, 1].</summary>
    private static Tensor Times(int frames, double dt, double start = 0) =>
        arange(frames, ScalarType.Float64).mul(dt).add(start).reshape(frames, 1, 1);

    /// <summary>
    /// The FNO forcing's steady response f / (nu |kappa|^2) plus a Taylor-Green mode 2 cos 2 pi x cos 2 pi y decaying at
    /// nu |kappa|^2: both live on the shell |k|^2 = 2, so the advection vanishes and w solves the forced equation exactly.
    /// </summary>
    private static Tensor TaylorGreen(int n, int frames, double dt)
    {
        var (x, y) = Grid(n);
        var lambda = Nu * 8 * Math.PI * Math.PI;
        var phase = (x + y) * (2 * Math.PI);
        var steady = (phase.sin() + phase.cos()) * (0.1 / lambda);
        var mode = (x * (2 * Math.PI)).cos() * (y * (2 * Math.PI)).cos() * 2;
        return (steady + mode * (Times(frames, dt, 3.0) * -lambda).exp() * 0.8).unsqueeze(0);
    }

    private static double MaxAbs(Tensor t) => t.abs().max().item<double>();

    [Theory]
    // Left: the BDF truncation error, of order dt^p lambda^(p+1) |mode| (5e-7 and 5e-12 here); the fields are of order 1.
    [InlineData(TimeDerivative.Bdf2, 1e-6)]
    [InlineData(TimeDerivative.Bdf4, 1e-11)]
    public void ExactTaylorGreenTrajectoryHasZeroResidual(TimeDerivative scheme, double tolerance)
    {
        var w = TaylorGreen(16, 12, 0.05);
        var residual = new VorticityResidual(Nu, 0.05, scheme, ForcingKind.Fno).Evaluate(w);
        Assert.Equal(new long[] { 1, 12 - TimeDerivatives.History(scheme), 16, 16 }, residual.shape);
        Assert.True(MaxAbs(residual) < tolerance, $"max |R| = {MaxAbs(residual)}");
        // The terms it balances are of order 0.1 and more: the cancellation is real.
        using var grid = new PeriodicGrid(16, 1.0, CPU);
        Assert.True(MaxAbs(VorticityForcing.Fno(grid)) > 0.14);
    }

    [Fact]
    public void TimeShuffledTaylorGreenTrajectoryHasLargeResidual()
    {
        var w = TaylorGreen(16, 12, 0.05);
        var shuffled = w.index_select(1, tensor(new long[] { 3, 0, 7, 1, 11, 5, 2, 9, 4, 10, 6, 8 }));
        var residual = new VorticityResidual(Nu, 0.05, TimeDerivative.Bdf2, ForcingKind.Fno).Evaluate(shuffled);
        Assert.True(MaxAbs(residual) > 1e-2, $"max |R| = {MaxAbs(residual)}");
    }

    [Fact]
    public void BackwardDifferencesConvergeAtTheirOrder()
    {
        foreach (var (scheme, order) in new[] { (TimeDerivative.Bdf1, 1), (TimeDerivative.Bdf2, 2), (TimeDerivative.Bdf3, 3) })
        {
            // A fast decay (large nu) so the truncation error stays far above rounding.
            var lambda = 0.5 * 8 * Math.PI * Math.PI;
            double ErrorAt(double dt)
            {
                var (x, y) = Grid(8);
                var mode = (x * (2 * Math.PI)).cos() * (y * (2 * Math.PI)).cos();
                var w = (mode * (Times(8, dt) * -lambda).exp()).unsqueeze(0);
                return MaxAbs(new VorticityResidual(0.5, dt, scheme, ForcingKind.None).Evaluate(w).select(1, -1));
            }
            var ratio = ErrorAt(2e-4) / ErrorAt(1e-4);
            Assert.InRange(Math.Log2(ratio), order - 0.1, order + 0.1);
        }
    }

    [Fact]
    public void FourierTimeDerivativeIsExactOnATimePeriodicTrajectory()
    {
        // w = a(t) phi with a = cos(2 pi t / P) + 0.3 sin(4 pi t / P) sampled over one period, driven by the extra forcing
        // g = (a' + nu |kappa|^2 a) phi on top of the FNO forcing's steady response.
        const int frames = 10;
        const double period = 2.0;
        var dt = period / frames;
        var (x, y) = Grid(16);
        var lambda = Nu * 8 * Math.PI * Math.PI;
        var phase = (x + y) * (2 * Math.PI);
        var steady = (phase.sin() + phase.cos()) * (0.1 / lambda);
        var phi = (x * (2 * Math.PI)).sin() * (y * (2 * Math.PI)).sin();
        var t = Times(frames, dt) * (2 * Math.PI / period);
        var a = t.cos() + (t * 2).sin() * 0.3;
        var aDot = (t.sin().neg() + (t * 2).cos() * 0.6) * (2 * Math.PI / period);
        var w = (steady + a * phi).unsqueeze(0);
        var extra = (aDot + a * lambda) * phi;

        var residual = new VorticityResidual(Nu, dt, TimeDerivative.Fourier, ForcingKind.Fno).Evaluate(w, extra);

        Assert.Equal(new long[] { 1, frames, 16, 16 }, residual.shape);
        Assert.True(MaxAbs(residual) < 1e-12, $"max |R| = {MaxAbs(residual)}");
        Assert.True(MaxAbs(extra) > 1, "the derivative term is not negligible");
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(2 * Math.PI)]
    public void AdvectionOfTwoShellsMatchesTheClosedForm(double length)
    {
        // w = sin(kappa x) + cos(2 kappa y), kappa = 2 pi / L: psi = w_hat / |kappa|^2 gives u = -sin(2 kappa y) / (2 kappa),
        // v = -cos(kappa x) / kappa, so u w_x + v w_y = 1.5 cos(kappa x) sin(2 kappa y); -nu Lap w = nu kappa^2 (sin + 4 cos).
        var kappa = 2 * Math.PI / length;
        var (x, y) = Grid(16, length);
        var w = (x * kappa).sin() + (y * 2 * kappa).cos();
        var expectedAdvection = (x * kappa).cos() * (y * 2 * kappa).sin() * 1.5;
        Assert.True(MaxAbs(VorticityResidual.Advection(w, length) - expectedAdvection) < 1e-12);

        var steady = w.unsqueeze(0).expand(4, -1, -1).unsqueeze(0);
        var residual = new VorticityResidual(0.01, 0.1, TimeDerivative.Fourier, ForcingKind.None, length).Evaluate(steady);
        var expected = expectedAdvection + ((x * kappa).sin() + (y * 2 * kappa).cos() * 4) * (0.01 * kappa * kappa);
        Assert.True(MaxAbs(residual - expected) < 1e-12);
    }

    [Fact]
    public void SolverTrajectoryHasSmallResidualAndShuffledFramesDoNot()
    {
        var options = new NavierStokesOptions
        {
            SolverResolution = 32, OutputResolution = 32, TimeStep = 1e-4, RecordEvery = 0.01, Horizon = 0.08, BatchSize = 2,
        };
        var w = NavierStokesGenerator.Simulate(options, 5, [0, 1]).to(ScalarType.Float64);
        var equation = new VorticityResidual(Nu, 0.01, TimeDerivative.Bdf4, ForcingKind.Fno);
        var rate = TimeDerivatives.Evaluate(w, 0.01, TimeDerivative.Bdf4);
        var norm = new BochnerSpace(new SobolevSpace(-1));

        var relative = (norm.Norm(equation.Evaluate(w)) / norm.Norm(rate)).max().item<double>();
        var shuffled = w.index_select(1, tensor(new long[] { 0, 5, 2, 8, 1, 7, 3, 6, 4 }));
        var shuffledRelative = (norm.Norm(equation.Evaluate(shuffled)) / norm.Norm(rate)).min().item<double>();

        Assert.True(relative < 1e-2, $"solver trajectory: relative residual {relative}");
        Assert.True(shuffledRelative > 1, $"shuffled trajectory: relative residual {shuffledRelative}");
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(3, -2)]
    public void MinusOneNormOfASingleModeResidualIsAnalytic(int k1, int k2)
    {
        // Convention (SobolevSpace): r_hat = fft2(r) / (HW), ||r||^2_{H^-1} = sum_k (alpha + |kappa|^2)^-1 |r_hat_k|^2, so a
        // real mode A cos(kappa . x) has ||.||_{H^-1} = (alpha + |kappa|^2)^(-1/2) A / sqrt(2). A steady unforced single
        // mode has no advection and R = nu |kappa|^2 w; the Bochner norm (mean over frames) of a steady field is its norm.
        const double amplitude = 1.3;
        var (x, y) = Grid(16);
        var w = ((x * k1 + y * k2) * (2 * Math.PI)).cos() * amplitude;
        var trajectory = w.unsqueeze(0).expand(6, -1, -1).unsqueeze(0);
        var residual = new VorticityResidual(Nu, 0.1, TimeDerivative.Fourier, ForcingKind.None).Evaluate(trajectory);

        var kappa2 = 4 * Math.PI * Math.PI * (k1 * k1 + k2 * k2);
        var alpha = Math.Pow(10, -1.5);
        var expected = Nu * kappa2 * amplitude / Math.Sqrt(2) / Math.Sqrt(alpha + kappa2);
        var norm = new BochnerSpace(new SobolevSpace(-1, alpha)).Norm(residual).item<double>();
        Assert.Equal(expected, norm, 12);
    }

    [Fact]
    public void BadInputsAreRejectedWithOneLine()
    {
        var equation = new VorticityResidual(Nu, 0.1, TimeDerivative.Bdf2, ForcingKind.Fno);
        Assert.Throws<WorkbenchException>(() => equation.Evaluate(zeros(1, 2, 8, 8)));
        Assert.Throws<WorkbenchException>(() => equation.Evaluate(zeros(8, 8)));
        Assert.Throws<WorkbenchException>(() => new VorticityResidual(Nu, 0, TimeDerivative.Bdf2, ForcingKind.None));
        Assert.Throws<WorkbenchException>(() => new VorticityResidual(Nu, 0.1, TimeDerivative.Bdf2, ForcingKind.Fno, 2 * Math.PI));
    }
}
