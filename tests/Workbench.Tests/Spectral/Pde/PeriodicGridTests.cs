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
}
