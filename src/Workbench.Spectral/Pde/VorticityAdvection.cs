using static TorchSharp.torch;

namespace Workbench.Spectral.Pde;

/// <summary>
/// The de-aliased advection term of the vorticity equation in Fourier space, F_hat = P_{2/3} FFT(u w_x + v w_y),
/// with the stream function psi_hat = w_hat / |kappa|^2 (psi_hat(0) = 0), u = d_y psi and v = -d_x psi. Each field is
/// i m w_hat for a real symbol m: i w_hat is formed once as (real, imaginary) pairs, and each field is one real product
/// of those pairs with m, which libtorch runs several times faster than a broadcast complex product. Differentiable.
/// </summary>
public sealed class VorticityAdvection : IDisposable
{
    private readonly PeriodicGrid _grid;
    private readonly Tensor[] _symbols;

    public VorticityAdvection(PeriodicGrid grid)
    {
        _grid = grid;
        using var scope = NewDisposeScope();
        // 1 / |kappa|^2 with 1 at the origin, as in the FNO solver: the origin's symbols are 0 kappa, so the choice is immaterial.
        var inverseLaplacian = 1.0 / grid.KappaSquared.where(grid.KappaSquared.gt(0), ones_like(grid.KappaSquared));
        var shape = grid.KappaSquared.shape;
        Tensor[] symbols = [grid.Ky * inverseLaplacian, -grid.Kx * inverseLaplacian, grid.Kx.expand(shape), grid.Ky.expand(shape)];
        // [H, W/2 + 1, 1]: one value for both planes of a (real, imaginary) pair.
        _symbols = symbols.Select(s => s.unsqueeze(-1).contiguous().MoveToOuterDisposeScope()).ToArray();
    }

    /// <summary>F_hat for spectra [..., H, W/2 + 1] (complex, of the grid's precision).</summary>
    public Tensor Evaluate(Tensor vorticityHat)
    {
        using var scope = NewDisposeScope();
        var planes = view_as_real(vorticityHat);
        // i w_hat = (-imaginary, real); (-a) m equals -(a m) exactly, so this matches (-m) a to the bit.
        var rotated = stack([planes.select(-1, 1).neg(), planes.select(-1, 0)], -1);
        Tensor Field(int which) => _grid.ToPhysical(view_as_complex(rotated * _symbols[which]));
        // Formed in the order u, v, w_x, w_y: autograd sums the gradients that reach w_hat in reverse order of creation,
        // and this order is the one VorticityResidualPinTests pins.
        var (u, v, wx, wy) = (Field(0), Field(1), Field(2), Field(3));
        var product = u.mul_(wx).add_(v.mul_(wy));
        return _grid.ToSpectrum(product).mul_(_grid.Dealias).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        foreach (var symbol in _symbols) symbol.Dispose();
    }
}
