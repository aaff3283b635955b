using Workbench.Spectral.Pde;
using static TorchSharp.torch;

namespace Workbench.Tests.Spectral.Pde;

public class PeriodicGridTests
{
    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public void To_physical_equals_libtorchs_irfft2_to_the_bit_and_inverts_to_spectrum(int resolution)
    {
        using var scope = NewDisposeScope();
        using var grid = new PeriodicGrid(resolution, 1.0, CPU);
        var field = randn(new long[] { 3, resolution, resolution }, float64, generator: new Generator(3));
        var spectrum = grid.ToSpectrum(field);
        var ours = grid.ToPhysical(spectrum);
        var reference = fft.irfft2(spectrum, s: [resolution, resolution]);
        Assert.Equal(0, ours.ne(reference).sum().item<long>());
        Assert.True(ours.allclose(field, rtol: 0, atol: 1e-12));
    }

    [Theory]
    [InlineData(12, 10, 1.0)]
    [InlineData(9, 7, 6.283185307179586)]
    public void Rectangular_grids_carry_the_textbook_wavenumbers_and_mask(int height, int width, double length)
    {
        using var scope = NewDisposeScope();
        using var grid = new PeriodicGrid(height, width, length, ScalarType.Float32, CPU);
        Assert.Equal(new long[] { height, width / 2 + 1 }, grid.KappaSquared.shape);
        Assert.Equal(ScalarType.Float32, grid.KappaSquared.dtype);
        for (var i = 0; i < height; i++)
        for (var j = 0; j <= width / 2; j++)
        {
            // FFT order: 0, 1, ..., then the negative wavenumbers; an even axis puts -n/2 at index n/2.
            var kx = 2 * i < height ? i : i - height;
            var kappa = 2 * Math.PI / length;
            AssertClose(kx * kappa, grid.Kx[i, 0].item<float>());
            AssertClose(j * kappa, grid.Ky[0, j].item<float>());
            AssertClose((kx * kx + j * j) * kappa * kappa, grid.KappaSquared[i, j].item<float>());
            var kept = 3 * Math.Abs(kx) <= 2 * (height / 2) && 3 * j <= 2 * (width / 2);
            Assert.Equal(kept ? 1f : 0f, grid.Dealias[i, j].item<float>());
        }
        var field = randn(new long[] { 2, height, width }, float32, generator: new Generator(5));
        Assert.True(grid.ToPhysical(grid.ToSpectrum(field)).allclose(field, rtol: 0, atol: 1e-5));
    }

    /// <summary>Equal to float32 precision (a few units of 2^-24 relative).</summary>
    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 5e-7 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
}
