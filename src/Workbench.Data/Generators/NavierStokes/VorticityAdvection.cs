using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// The de-aliased advection term of the vorticity equation in Fourier space, F_hat = P_{2/3} FFT(u w_x + v w_y),
/// with the stream function psi_hat = w_hat / |kappa|^2, u = d_y psi and v = -d_x psi. The four fields are brought
/// to physical space by one batched inverse transform.
/// </summary>
public sealed class VorticityAdvection : IDisposable
{
    private readonly PeriodicGrid _grid;
    private readonly Tensor _multipliers;

    public VorticityAdvection(PeriodicGrid grid)
    {
        _grid = grid;
        using var scope = NewDisposeScope();
        // |kappa|^2 with 1 at the origin, as in the FNO solver; w_hat(0) is zero, so the choice is immaterial.
        var inverseLaplacian = 1.0 / grid.KappaSquared.where(grid.KappaSquared.gt(0), ones_like(grid.KappaSquared));
        var zero = zeros_like(grid.KappaSquared);
        Tensor Imaginary(Tensor value) => complex(zero, value.expand_as(zero));
        _multipliers = stack([
            Imaginary(grid.Ky * inverseLaplacian),
            Imaginary(-grid.Kx * inverseLaplacian),
            Imaginary(grid.Kx),
            Imaginary(grid.Ky),
        ]).unsqueeze(1).MoveToOuterDisposeScope();
    }

    /// <summary>F_hat for a batch of spectra [B, S, S/2 + 1] (complex128).</summary>
    public Tensor Evaluate(Tensor vorticityHat)
    {
        using var scope = NewDisposeScope();
        var fields = _grid.ToPhysical(vorticityHat.unsqueeze(0) * _multipliers);
        var product = addcmul(fields[0] * fields[2], fields[1], fields[3], 1.0);
        return _grid.ToSpectrum(product).mul_(_grid.Dealias).MoveToOuterDisposeScope();
    }

    public void Dispose() => _multipliers.Dispose();
}
