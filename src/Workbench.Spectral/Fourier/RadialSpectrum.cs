using TorchSharp;
using Workbench.Core.Errors;
using static TorchSharp.torch;

namespace Workbench.Spectral.Fourier;

/// <summary>How the modes of one |k| shell are combined.</summary>
public enum ShellReduction
{
    /// <summary>Sum over the shell: an energy spectrum whose bins add up to mean(|w|^2) (Parseval).</summary>
    Sum,

    /// <summary>Mean over the modes of the shell (empty shells give 0).</summary>
    Mean,
}

/// <summary>
/// Radially binned power spectra of 2-D fields. The coefficients are w_hat = fft2(w, norm=forward) (so w_hat is the
/// Fourier series coefficient and sum |w_hat|^2 = mean |w|^2), and mode (kx, ky) with integer wavenumbers falls in
/// shell round(sqrt(kx^2 + ky^2)) (half-way values round to even, as numpy does). Shells run from 0 to the largest
/// rounded |k| on the grid.
/// </summary>
public static class RadialSpectrum
{
    /// <summary>[..., H, W] real or complex fields to [..., shells] binned |w_hat|^2 (differentiable).</summary>
    public static Tensor Compute(Tensor w, ShellReduction reduction = ShellReduction.Sum)
    {
        TensorAxes.Trailing(w, 2, "radial spectrum");
        return Bin(view_as_real(fft.fft2(w, norm: FFTNormType.Forward)).square().sum(-1), reduction);
    }

    /// <summary>
    /// Per-mode values [..., H, W] of a full spectrum in FFT order (a power, an energy density) combined per shell:
    /// [..., shells] (differentiable).
    /// </summary>
    public static Tensor Bin(Tensor perMode, ShellReduction reduction = ShellReduction.Sum)
    {
        TensorAxes.Trailing(perMode, 2, "radial spectrum");
        var h = perMode.shape[^2];
        var width = perMode.shape[^1];
        var shell = ShellIndex(h, width, perMode.device);
        var shells = shell.max().item<long>() + 1;
        var lead = perMode.shape[..^2];
        var binned = zeros(lead.Append(shells).ToArray(), perMode.dtype, perMode.device)
            .index_add(-1, shell.flatten(), perMode.flatten(-2), 1);
        if (reduction == ShellReduction.Sum) return binned;
        var counts = zeros(shells, perMode.dtype, perMode.device).index_add(0, shell.flatten(), ones(h * width, perMode.dtype, perMode.device), 1);
        return binned / counts.clamp_min(1);
    }

    /// <summary>Shell of each mode of an H x W spectrum in FFT order: round(|k|) with integer k.</summary>
    public static Tensor ShellIndex(long h, long w, Device device)
    {
        if (h < 1 || w < 1) throw new WorkbenchException($"radial spectrum: expected a positive grid, got {h} x {w}.");
        var axes = Wavenumbers.Grid(new[] { h, w }, lastAxisHalf: false, length: null, ScalarType.Float64, device);
        return (axes[0].square() + axes[1].square()).sqrt().round().to(ScalarType.Int64);
    }
}
