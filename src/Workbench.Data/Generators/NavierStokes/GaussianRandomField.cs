using TorchSharp;
using Workbench.Core.Runtime;
using static TorchSharp.torch;

namespace Workbench.Data.Generators.NavierStokes;

/// <summary>
/// The FNO initial condition on the unit torus: w0 ~ N(0, sigma^2 (-Lap + tau^2)^{-alpha}) drawn as
/// w0_hat(k) = s^2 sqrt(2) sigma (4 pi^2 |k|^2 + tau^2)^{-alpha/2} xi_k, xi_k standard complex normal (E|xi|^2 = 1),
/// w0_hat(0) = 0, w0 = Re ifft2(w0_hat) with numpy's unnormalised-forward convention (ifft2 divides by s^2).
/// Taking the real part halves the variance, which the sqrt(2) restores: E|fft2(w0)_k / s^2|^2 = sigma^2 (...)^{-alpha}.
/// Sample j draws its xi on the CPU from a generator seeded by (seed, "ns:j") alone, so it does not depend on the
/// batch, shard or device it is computed in.
/// </summary>
public static class GaussianRandomField
{
    public const double Alpha = 2.5;
    public const double Tau = 7.0;
    public static double Sigma => Math.Pow(Tau, (2 * Alpha - 2) / 2);

    /// <summary>s^2 sqrt(2) sigma (4 pi^2 |k|^2 + tau^2)^{-alpha/2}, zero at k = 0; full FFT layout [s, s], on the CPU.</summary>
    public static Tensor SpectralAmplitude(int resolution)
    {
        using var scope = NewDisposeScope();
        var frequencies = fft.fftfreq(resolution, 1.0 / resolution, dtype: float64);
        var squared = frequencies.square();
        var magnitude = squared.reshape(resolution, 1) + squared.reshape(1, resolution);
        var amplitude = (magnitude * (4 * Math.PI * Math.PI) + Tau * Tau).pow(-Alpha / 2)
            * ((double)resolution * resolution * Math.Sqrt(2.0) * Sigma);
        amplitude[0, 0] = tensor(0.0, float64);
        return amplitude.MoveToOuterDisposeScope();
    }

    /// <summary>Initial fields [B, s, s] (float64) for the given sample indices, on <paramref name="device"/>.</summary>
    public static Tensor Sample(long seed, IReadOnlyList<long> indices, int resolution, Device device)
    {
        using var scope = NewDisposeScope();
        var amplitude = SpectralAmplitude(resolution);
        var fields = new Tensor[indices.Count];
        for (var b = 0; b < indices.Count; b++)
        {
            using var generator = Determinism.Generator(seed, $"ns:{indices[b]}");
            var noise = randn([resolution, resolution, 2], float64, CPU, generator: generator).mul_(Math.Sqrt(0.5));
            fields[b] = fft.ifft2(view_as_complex(noise) * amplitude).real;
        }
        return stack(fields).to(device).MoveToOuterDisposeScope();
    }
}
