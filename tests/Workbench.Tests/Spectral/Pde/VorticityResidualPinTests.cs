using System.Runtime.InteropServices;
using System.Security.Cryptography;
using TorchSharp;
using Workbench.Data.Generators.NavierStokes;
using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral.Pde;

/// <summary>
/// The residual and its gradient on solver trajectories, pinned by the SHA-256 of their values (as float64 bytes): the
/// hashes were computed when the residual carried its own copy of the advection term, so sharing the solver's code
/// must leave every bit in place.
/// </summary>
public class VorticityResidualPinTests
{
    private static readonly NavierStokesOptions Forced = new()
    {
        SolverResolution = 32, OutputResolution = 16, TimeStep = 1e-2, Horizon = 2, RecordEvery = 0.25, BatchSize = 2,
    };

    private static readonly McWilliamsOptions Decaying = new()
    {
        SolverResolution = 32, OutputResolution = 16, TimeStep = 1e-2, WarmupTime = 0.5, EndTime = 1, Snapshots = 5, BatchSize = 2,
    };

    [Theory]
    [InlineData(ScalarType.Float64, "6a8264c3524782692e2ef8f94f125d1477d5cfb1f5fa560e64861d1e2b5aaa4e",
        "07e8368f36161f794192c3573da6be1761412bbd95473213716f464140353a80")]
    [InlineData(ScalarType.Float32, "9f5d5882ad9c80a1171805ba84f8ab5642958e97f2c2af4ad5518c7982d4323e",
        "0d1c6f27b822ca62acd43b1ab3bdcca94bea4a8c417978548e5bd3a2dc7cb410")]
    public void Navier_stokes_residual_and_gradient_keep_their_bits(ScalarType dtype, string residualSha256, string gradientSha256)
    {
        using var scope = NewDisposeScope();
        var w = NavierStokesGenerator.Simulate(Forced, 9, [0, 1]).to(dtype).requires_grad_();
        var residual = new VorticityResidual(1e-3, Forced.RecordEvery, TimeDerivative.Bdf2, ForcingKind.Fno).Evaluate(w);
        residual.square().sum().backward();
        Assert.Equal(residualSha256, Sha256(residual.detach()));
        Assert.Equal(gradientSha256, Sha256(w.grad!));
    }

    [Fact]
    public void Mcwilliams_residual_on_the_2_pi_square_keeps_its_bits()
    {
        using var scope = NewDisposeScope();
        var w = McWilliamsGenerator.Simulate(Decaying, 4, [0, 1]).to(float64);
        var residual = new VorticityResidual(1e-3, Decaying.RecordEvery, TimeDerivative.Fourier, ForcingKind.None, 2 * Math.PI).Evaluate(w);
        Assert.Equal("1768710f80b09e05904ab271caead417f139c2f4ef202e9e8bf89ab4a5a48ba5", Sha256(residual));
        Assert.Equal("a1b53214405ed2a42cf7b8b60ed403acd18564bfdb3b51fa4eed1f6a2b4e4514", Sha256(VorticityResidual.Advection(w, 2 * Math.PI)));
    }

    private static string Sha256(Tensor t) =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(t.to(float64).contiguous().data<double>().ToArray().AsSpan())));
}
