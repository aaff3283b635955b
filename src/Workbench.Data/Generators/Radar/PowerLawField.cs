using static TorchSharp.torch;

namespace Workbench.Data.Generators.Radar;

/// <summary>
/// Unit-variance Gaussian fields on an n x n grid with power spectrum P(k) ~ |k|^-beta (no mean mode): white noise
/// filtered by |k|^(-beta/2) and divided by the filter's root mean square, so the variance is 1 in expectation.
/// </summary>
public sealed class PowerLawField
{
    private readonly Tensor _filter;
    private readonly int _size;

    public PowerLawField(int size, double beta)
    {
        _size = size;
        var frequencies = fft.fftfreq(size, 1.0 / size, dtype: float64);
        var magnitude = (frequencies.square().reshape(size, 1) + frequencies.square().reshape(1, size)).sqrt();
        var filter = where(magnitude > 0, magnitude.clamp_min(1e-12).pow(-beta / 2), zeros_like(magnitude));
        _filter = filter / filter.square().mean().sqrt();
    }

    public Tensor Draw(Generator generator)
    {
        using var scope = NewDisposeScope();
        var noise = randn([_size, _size], float64, generator: generator);
        return fft.ifft2(fft.fft2(noise) * _filter).real.MoveToOuterDisposeScope();
    }
}
