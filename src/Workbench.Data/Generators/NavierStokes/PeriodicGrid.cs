using TorchSharp;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// Wavenumbers of a square periodic grid of side <c>Length</c> in the layout of <c>rfft2</c> over the last two
/// dimensions: x runs along dim -2 (all S wavenumbers, FFT order, -S/2 at index S/2) and y along dim -1 (the S/2 + 1
/// non-negative ones). Angular wavenumbers are kappa = 2 pi k / Length.
/// </summary>
public sealed class PeriodicGrid : IDisposable
{
    public PeriodicGrid(int resolution, double length, Device device)
    {
        if (resolution < 4 || resolution % 2 != 0)
            throw new ArgumentException($"resolution: expected an even grid size of at least 4, got {resolution}.");
        Resolution = resolution;
        Length = length;
        Device = device;
        var half = resolution / 2;
        var scale = 2 * Math.PI / length;
        var kx = new double[resolution];
        for (var i = 0; i < resolution; i++) kx[i] = i < half ? i : i - resolution;
        var ky = new double[half + 1];
        for (var i = 0; i <= half; i++) ky[i] = i;

        IntegerKx = tensor(kx, float64, device).reshape(resolution, 1);
        IntegerKy = tensor(ky, float64, device).reshape(1, half + 1);
        Kx = IntegerKx * scale;
        Ky = IntegerKy * scale;
        KappaSquared = Kx.square() + Ky.square();
        var cutoff = 2.0 / 3.0 * half;
        Dealias = IntegerKx.abs().le(cutoff).logical_and(IntegerKy.abs().le(cutoff)).to(float64);
    }

    public int Resolution { get; }
    public double Length { get; }
    public Device Device { get; }
    public int HalfWidth => Resolution / 2 + 1;

    /// <summary>Integer wavenumbers along x, shape [S, 1].</summary>
    public Tensor IntegerKx { get; }
    /// <summary>Integer wavenumbers along y, shape [1, S/2 + 1].</summary>
    public Tensor IntegerKy { get; }
    /// <summary>Angular wavenumbers along x, shape [S, 1].</summary>
    public Tensor Kx { get; }
    /// <summary>Angular wavenumbers along y, shape [1, S/2 + 1].</summary>
    public Tensor Ky { get; }
    /// <summary>|kappa|^2, the symbol of -Laplacian, zero at the origin; shape [S, S/2 + 1].</summary>
    public Tensor KappaSquared { get; }
    /// <summary>The 2/3 rule: 1 where |k_x| and |k_y| are both at most (2/3)(S/2), else 0; shape [S, S/2 + 1].</summary>
    public Tensor Dealias { get; }

    /// <summary>Grid coordinates i Length / S along one axis.</summary>
    public Tensor Coordinates() => arange(Resolution, float64, Device) * (Length / Resolution);

    public Tensor ToSpectrum(Tensor field) => fft.rfft2(field);

    /// <summary>
    /// The inverse of <see cref="ToSpectrum"/> as numpy's irfft2 computes it: a complex inverse transform along x, then
    /// the real one along y. LibTorch's own irfft2 gives the same values at a third of the speed.
    /// </summary>
    public Tensor ToPhysical(Tensor spectrum)
    {
        using var alongX = fft.ifft(spectrum, dim: -2);
        return fft.irfft(alongX, Resolution, dim: -1);
    }

    public void Dispose()
    {
        IntegerKx.Dispose();
        IntegerKy.Dispose();
        Kx.Dispose();
        Ky.Dispose();
        KappaSquared.Dispose();
        Dealias.Dispose();
    }
}
