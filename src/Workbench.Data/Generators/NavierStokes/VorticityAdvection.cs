using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// The de-aliased advection term of the vorticity equation in Fourier space, F_hat = P_{2/3} FFT(u w_x + v w_y),
/// with the stream function psi_hat = w_hat / |kappa|^2, u = d_y psi and v = -d_x psi. Each field is i m w_hat for
/// a real symbol m: i w_hat is formed once as (real, imaginary) pairs, and each field is one real product of those
/// pairs with m, which libtorch runs several times faster than a broadcast complex product.
/// </summary>
public sealed class VorticityAdvection : IDisposable
{
    private readonly PeriodicGrid _grid;
    private readonly Tensor[] _symbols;

    public VorticityAdvection(PeriodicGrid grid)
    {
        _grid = grid;
        using var scope = NewDisposeScope();
        // |kappa|^2 with 1 at the origin, as in the FNO solver; w_hat(0) is zero, so the choice is immaterial.
        var inverseLaplacian = 1.0 / grid.KappaSquared.where(grid.KappaSquared.gt(0), ones_like(grid.KappaSquared));
        var shape = grid.KappaSquared.shape;
        Tensor[] symbols = [grid.Ky * inverseLaplacian, -grid.Kx * inverseLaplacian, grid.Kx.expand(shape), grid.Ky.expand(shape)];
        // [S, S/2 + 1, 1]: one value for both planes of a (real, imaginary) pair.
        _symbols = symbols.Select(s => s.unsqueeze(-1).contiguous().MoveToOuterDisposeScope()).ToArray();
    }

    /// <summary>F_hat for a batch of spectra [B, S, S/2 + 1] (complex128).</summary>
    public Tensor Evaluate(Tensor vorticityHat)
    {
        using var scope = NewDisposeScope();
        var planes = view_as_real(vorticityHat);
        // i w_hat = (-imaginary, real); (-a) m equals -(a m) exactly, so this matches (-m) a to the bit.
        var rotated = stack([planes.select(-1, 1).neg(), planes.select(-1, 0)], -1);
        Tensor Field(int which) => _grid.ToPhysical(view_as_complex(rotated * _symbols[which]));
        var product = Field(0).mul_(Field(2)).add_(Field(1).mul_(Field(3)));
        return _grid.ToSpectrum(product).mul_(_grid.Dealias).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var symbol in _symbols) symbol.Dispose();
    }
}
