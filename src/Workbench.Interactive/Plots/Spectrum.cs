using TorchSharp;

namespace Workbench.Interactive.Plots;

/// <summary>
/// Mean power |rfft(x)[k]|^2 / n^2 of signals along their last dimension, averaged over all other dimensions,
/// for wavenumbers k = 0 .. n/2. Shown as a log-log plot (k = 0 falls off the log axis).
/// </summary>
public sealed record Spectrum(string Name, IReadOnlyList<double> Power)
{
    public static Spectrum Of(torch.Tensor signals, string name = "spectrum")
    {
        if (signals.dim() < 1) throw new ArgumentException($"spectrum of '{name}': expected at least one dimension, got a scalar");
        using var scope = torch.NewDisposeScope();
        var x = signals.detach().cpu().to(torch.float64);
        var n = x.shape[^1];
        var spectrum = torch.fft.rfft(x, dim: -1);
        var power = (spectrum.abs().square() / (double)(n * n)).reshape(-1, spectrum.shape[^1]).mean([0L]);
        return new Spectrum(name, power.data<double>().ToArray());
    }

    public PlotSeries Series() => new(Name, Enumerable.Range(0, Power.Count).Select(k => (double)k).ToArray(), Power);

    public LinePlot Plot(string title = "power spectrum") => Compare(title, this);

    public static LinePlot Compare(string title, params Spectrum[] spectra) =>
        new(title, "wavenumber k (cycles per domain)", "power (field units²)", spectra.Select(s => s.Series()).ToArray(), LogX: true, LogY: true);
}
