using TorchSharp;
using Workbench.Spectral.Fourier;
using static TorchSharp.torch;

namespace Workbench.Spectral.Sobolev;

/// <summary>
/// The Sobolev space H^s on the periodic square [0, L)^2, sampled on a uniform H x W grid over the last two dims.
///
/// Normalisation: r_hat = fft2(r, norm=forward), i.e. r_hat_k = (1/HW) sum_x r(x) exp(-i kappa.x) are the Fourier
/// series coefficients, kappa = 2 pi k / L with integer k in FFT order, and
///     ||r||^2_{H^s} = sum_k (alpha + |kappa|^2)^s |r_hat_k|^2,
/// which by Parseval is the H^s norm for the normalised measure dx / L^2 (at s = 0, alpha^0 = 1, it is the RMS of r;
/// multiply by L for the Lebesgue measure). A complex mode A exp(i kappa.x) has norm (alpha + |kappa|^2)^(s/2) |A|; a
/// real mode A cos(kappa.x + phi) (|k| below the Nyquist of both axes) has (alpha + |kappa|^2)^(s/2) |A| / sqrt(2),
/// i.e. the weight times its RMS amplitude. Real fields use rfft2 with each interior column of the half axis counted
/// twice (its conjugate partner is absent); complex fields use the full fft2. Any real s; s &lt; 0 needs alpha &gt; 0.
/// Every leading index is one sample: results have the leading shape.
/// </summary>
public sealed record SobolevSpace
{
    /// <summary>alpha = 10^(-3/2), the Spectral-Refiner choice.</summary>
    public static readonly double DefaultAlpha = Math.Pow(10, -1.5);

    public SobolevSpace(double s, double? alpha = null, double length = 1.0)
    {
        var a = alpha ?? DefaultAlpha;
        if (!double.IsFinite(s)) throw new ArgumentException($"Sobolev space: expected a finite order s, got {s}.");
        if (!(a >= 0) || !double.IsFinite(a)) throw new ArgumentException($"Sobolev space: expected alpha >= 0, got {a}.");
        if (s < 0 && a == 0) throw new ArgumentException($"Sobolev space: a negative order s = {s} needs alpha > 0 (the k = 0 weight is alpha^s).");
        if (!(length > 0) || !double.IsFinite(length)) throw new ArgumentException($"Sobolev space: expected a positive domain length, got {length}.");
        S = s;
        Alpha = a;
        Length = length;
    }

    public double S { get; }
    public double Alpha { get; }
    public double Length { get; }

    /// <summary>
    /// The weights (alpha + |kappa|^2)^s over an H x W spectrum (half axis: H x (W/2+1), interior columns doubled),
    /// computed in float64 and cast to <paramref name="dtype"/>.
    /// </summary>
    public Tensor Weights(long h, long w, bool halfLastAxis, ScalarType dtype, Device device)
    {
        var kappa2 = Wavenumbers.SquaredMagnitude(new[] { h, w }, halfLastAxis, Length, ScalarType.Float64, device);
        var weights = (kappa2 + Alpha).pow(S);
        if (halfLastAxis)
        {
            var j = arange(w / 2 + 1, ScalarType.Int64, device);
            var multiplicity = where((j == 0).logical_or(2 * j == w), 1.0, 2.0).to(ScalarType.Float64);
            weights = weights * multiplicity.unsqueeze(0);
        }
        return weights.to(dtype);
    }

    /// <summary>||r||^2_{H^s} over the last two dims: [..., H, W] to [...].</summary>
    public Tensor SquaredNorm(Tensor r)
    {
        var (spectrum, weights) = Transform(r, "Sobolev norm");
        return (weights * view_as_real(spectrum).square().sum(-1)).sum(new long[] { -2, -1 });
    }

    public Tensor Norm(Tensor r) => SquaredNorm(r).sqrt();

    /// <summary>
    /// The H^s inner product sum_k w_k a_hat_k conj(b_hat_k): real for real fields, complex for complex ones. [...].
    /// </summary>
    public Tensor Inner(Tensor a, Tensor b)
    {
        if (!a.shape.SequenceEqual(b.shape) || a.is_complex() != b.is_complex())
            throw new ArgumentException($"Sobolev inner product: both fields need the same shape and kind, got {TensorAxes.Shape(a)} and {TensorAxes.Shape(b)}.");
        var (ah, weights) = Transform(a, "Sobolev inner product");
        var (bh, _) = Transform(b, "Sobolev inner product");
        var product = ah * bh.conj();
        var summed = (a.is_complex() ? product * weights : product.real * weights).sum(new long[] { -2, -1 });
        return summed;
    }

    /// <summary>Mean over samples of ||prediction - target||_{H^s} / ||target||_{H^s} (a scalar).</summary>
    public Tensor RelativeError(Tensor prediction, Tensor target)
    {
        RequireSameShape(prediction, target, "Sobolev relative error");
        return (Norm(prediction - target) / Norm(target)).mean();
    }

    internal static void RequireSameShape(Tensor a, Tensor b, string what)
    {
        if (!a.shape.SequenceEqual(b.shape))
            throw new ArgumentException($"{what}: prediction {TensorAxes.Shape(a)} and target {TensorAxes.Shape(b)} differ in shape.");
    }

    private (Tensor Spectrum, Tensor Weights) Transform(Tensor r, string what)
    {
        TensorAxes.Trailing(r, 2, what);
        var h = r.shape[^2];
        var w = r.shape[^1];
        var real = TensorAxes.RealOf(r.dtype, what);
        if (r.is_complex())
            return (fft.fft2(r, norm: FFTNormType.Forward), Weights(h, w, halfLastAxis: false, real, r.device));
        return (fft.rfft2(r, norm: FFTNormType.Forward), Weights(h, w, halfLastAxis: true, real, r.device));
    }
}
