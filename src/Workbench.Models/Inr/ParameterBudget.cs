using Workbench.Core.Errors;

namespace Workbench.Models.Inr;

/// <summary>
/// Sizes each representation to a trainable-parameter budget (the largest model not over it):
/// SIREN 3 hidden layers and Fourier features (256 frequencies) 4 hidden layers, both by width; the hash grid
/// (16 levels x 2 features, N_min 16, N_max the signal resolution, decoder 2 x 64) by table size T, and once every level
/// is dense (T >= (N_l + 1)^d everywhere) by decoder width. NSTR keeps K and
/// its decoder from <see cref="NstrOptions"/> (or the choices), F_theta 1 x 64, and sizes its spectrum field: the hash
/// backend by table size (16 levels up to the signal resolution), then decoder width, the grid backend with a quarter of the budget and a
/// 3-layer decoder sized by width, the MLP backend by decoder width.
/// </summary>
public static class ParameterBudget
{
    public static object Options(InrKind kind, InrSignalShape signal, long budget, Func<NstrOptions, NstrOptions>? nstrChoices = null) => kind switch
    {
        InrKind.Siren => Siren(signal, budget),
        InrKind.Fourier => Fourier(signal, budget),
        InrKind.HashGrid => HashGrid(signal, budget),
        _ => Nstr(signal, budget, nstrChoices),
    };

    public static SirenOptions Siren(InrSignalShape s, long budget) =>
        Largest(budget, w => new SirenOptions(s.InDim, s.OutDim, Hidden: w, FirstOmega0: s.FirstOmega0), ParameterCount.Of);

    public static FourierFeatureOptions Fourier(InrSignalShape s, long budget) =>
        Largest(budget, w => new FourierFeatureOptions(s.InDim, s.OutDim, Sigma: s.FrequencySigma, Hidden: w), ParameterCount.Of);

    public static HashGridOptions HashGrid(InrSignalShape s, long budget)
    {
        var sized = Largest(budget, t => new HashGridOptions(s.InDim, s.OutDim, TableSize: t, MaxResolution: Math.Max(16, s.Resolution)), ParameterCount.Of);
        return Saturated(sized.LevelSizes(), sized.Resolutions(), s.InDim)
            ? Largest(budget, w => sized with { DecoderHidden = w }, ParameterCount.Of)
            : sized;
    }

    /// <summary>Whether every level is dense, so a larger table adds nothing: the budget left then widens the decoder.</summary>
    private static bool Saturated(long[] sizes, long[] resolutions, int d) =>
        sizes.Zip(resolutions).All(p => p.First == (long)Math.Pow(p.Second + 1, d));

    /// <summary>NSTR sized to the budget; <paramref name="choices"/> overrides open choices (backend, K, lambda, ...) before sizing.</summary>
    public static NstrOptions Nstr(InrSignalShape s, long budget, Func<NstrOptions, NstrOptions>? choices = null)
    {
        choices ??= o => o;
        var start = choices(new NstrOptions(s.InDim, s.OutDim, FrequencySigma: s.FrequencySigma, SpectrumResolution: Math.Max(16, s.Resolution),
            TransportHidden: 64, TransportLayers: 1));
        switch (start.Backend)
        {
            case SpectrumBackend.HashGrid:
                var sized = Largest(budget, t => start with { SpectrumTableSize = t }, ParameterCount.Of);
                var hash = SpectrumField.HashOptions(sized);
                return Saturated(hash.LevelSizes(), hash.Resolutions(), s.InDim)
                    ? Largest(budget, w => sized with { DecoderHidden = w }, ParameterCount.Of)
                    : sized;
            case SpectrumBackend.Grid:
                var k = start.Frequencies;
                var resolution = Largest(budget / 4, r => r, r => (long)Math.Pow(r + 1, s.InDim) * k, minimum: 1);
                return Largest(budget, w => start with { SpectrumResolution = resolution, DecoderHidden = w, DecoderLayers = 3 }, ParameterCount.Of);
            default:
                return Largest(budget, w => start with { DecoderHidden = w, DecoderLayers = 3 }, ParameterCount.Of);
        }
    }

    /// <summary>The options at the largest scale (1..2^24) whose count fits the budget; counts grow with the scale.</summary>
    private static T Largest<T>(long budget, Func<int, T> build, Func<T, long> count, int minimum = 1)
    {
        if (count(build(minimum)) > budget)
            throw new WorkbenchException($"a parameter budget of {budget} is too small: the smallest model has {count(build(minimum))} parameters.");
        int low = minimum, high = 1 << 24;
        while (low < high)
        {
            var mid = low + (high - low + 1) / 2;
            if (count(build(mid)) <= budget) low = mid;
            else high = mid - 1;
        }
        return build(low);
    }
}
