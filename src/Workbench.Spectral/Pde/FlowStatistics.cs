using Workbench.Spectral.Fourier;
using static TorchSharp.torch;

namespace Workbench.Spectral.Pde;

/// <summary>Domain-averaged diagnostics of periodic vorticity fields [B, s, s] on a square of side <c>length</c>.</summary>
public static class FlowStatistics
{
    /// <summary>Enstrophy (1/2) mean(w^2) per field, [B].</summary>
    public static Tensor Enstrophy(Tensor vorticity) => vorticity.to(float64).square().mean([-2, -1]) * 0.5;

    /// <summary>Mean vorticity per field, [B].</summary>
    public static Tensor Mean(Tensor vorticity) => vorticity.to(float64).mean([-2, -1]);

    /// <summary>Kinetic energy (1/2) mean(u^2 + v^2) per field, [B], by Parseval with psi_hat = w_hat / |kappa|^2.</summary>
    public static Tensor KineticEnergy(Tensor vorticity, double length)
    {
        using var scope = NewDisposeScope();
        var density = EnergyDensity(vorticity, length);
        return density.sum([-2, -1]).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Energy per shell, [B, s/2 + 1]: entry n sums (1/2) |w_hat_k|^2 / |kappa|^2 / s^4 over the wavevectors with
    /// round(|k|) = n (integer wavenumbers, full FFT of the field); the corner modes beyond shell s/2 are left out.
    /// </summary>
    public static Tensor RadialEnergySpectrum(Tensor vorticity, double length)
    {
        using var scope = NewDisposeScope();
        var density = EnergyDensity(vorticity, length);
        var shells = density.shape[^1] / 2 + 1;
        return RadialSpectrum.Bin(density).narrow(-1, 0, shells).MoveToOuterDisposeScope();
    }

    private static Tensor EnergyDensity(Tensor vorticity, double length)
    {
        var field = vorticity.to(float64);
        var size = (int)field.shape[^1];
        // torch's fftfreq(s, 1/s) rather than Wavenumbers.Integer: for some s (98, 196, ...) s (1/s) != 1 and the two
        // differ in the last bit, which would move the McWilliams initial fields that are scaled by this energy.
        var frequencies = fft.fftfreq(size, 1.0 / size, dtype: float64, device: field.device);
        var magnitudeSquared = frequencies.square().reshape(size, 1) + frequencies.square().reshape(1, size);
        var kappaSquared = magnitudeSquared * Math.Pow(2 * Math.PI / length, 2);
        var inverse = (1.0 / kappaSquared).where(kappaSquared.gt(0), zeros_like(kappaSquared));
        return fft.fft2(field).abs().square() * inverse * (0.5 / Math.Pow(size, 4));
    }
}
