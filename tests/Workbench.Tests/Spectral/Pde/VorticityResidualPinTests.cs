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
/// must leave every bit in place. LibTorch's inverse real FFT gives other last bits on another thread count, so the
/// values are taken on one thread, in the collection that runs alone.
/// </summary>
[Collection(Training.TrainingRunCollection.Name)]
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
    [InlineData(ScalarType.Float64, "885bee2d22e843d8a3ea012a8904b69468f37515fcd0e98fce8565858a5248ef",
        "6e296f141ae21fa33e013135371eadd55cb9f6418f8a80d86a807627c8b38797")]
    [InlineData(ScalarType.Float32, "bed2542915744fb6dbcdc867f49ffde2b1b7e6045cee885dfdc1822e20ba14ad",
        "e1e86f76e374dc50a68c830d50b0e257522868dec2cf1eb291a908f425725f0c")]
    public void Navier_stokes_residual_and_gradient_keep_their_bits(ScalarType dtype, string residualSha256, string gradientSha256)
    {
        using var thread = new OneThread();
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
        using var thread = new OneThread();
        using var scope = NewDisposeScope();
        var w = McWilliamsGenerator.Simulate(Decaying, 4, [0, 1]).to(float64);
        var residual = new VorticityResidual(1e-3, Decaying.RecordEvery, TimeDerivative.Fourier, ForcingKind.None, 2 * Math.PI).Evaluate(w);
        Assert.Equal("46833ee79e4b4efd7a763a78bc725112ad0b6c9ef9e47bf835fa835723622ae4", Sha256(residual));
        Assert.Equal("d088118bc4111ed793ac553f0c3c7fd928fd6a98f94b2131bc2b2c38de9a175d", Sha256(VorticityResidual.Advection(w, 2 * Math.PI)));
    }

    private sealed class OneThread : IDisposable
    {
        private readonly int _previous = get_num_threads();

        public OneThread() => set_num_threads(1);

        public void Dispose() => set_num_threads(_previous);
    }

    private static string Sha256(Tensor t) =>
        Convert.ToHexStringLower(SHA256.HashData(MemoryMarshal.AsBytes(t.to(float64).contiguous().data<double>().ToArray().AsSpan())));
}
