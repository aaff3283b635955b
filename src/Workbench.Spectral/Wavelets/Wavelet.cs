using Workbench.Core.Errors;

namespace Workbench.Spectral.Wavelets;

/// <summary>
/// A two-channel filter bank with pywt's conventions: DecLo/DecHi analyse (applied as a convolution, then every second
/// sample kept), RecLo/RecHi synthesise; RecHi[k] = (-1)^k DecLo[k] and DecHi[k] = (-1)^(k+1) RecLo[k].
/// </summary>
public sealed class Wavelet
{
    private static readonly IReadOnlyDictionary<WaveletName, Wavelet> Cache =
        Enum.GetValues<WaveletName>().ToDictionary(name => name, name => new Wavelet(name));

    private Wavelet(WaveletName name)
    {
        Name = name;
        var (decLo, recLo) = WaveletFilterBanks.LowPass(name);
        DecLo = decLo;
        RecLo = recLo;
        RecHi = decLo.Select((v, k) => k % 2 == 0 ? v : -v).ToArray();
        DecHi = recLo.Select((v, k) => k % 2 == 0 ? -v : v).ToArray();
    }

    public WaveletName Name { get; }
    public IReadOnlyList<double> DecLo { get; }
    public IReadOnlyList<double> DecHi { get; }
    public IReadOnlyList<double> RecLo { get; }
    public IReadOnlyList<double> RecHi { get; }

    /// <summary>Number of taps of every filter (pywt's dec_len).</summary>
    public int Length => DecLo.Count;

    public string PywtName => Name switch
    {
        WaveletName.Bior24 => "bior2.4",
        _ => Name.ToString().ToLowerInvariant(),
    };

    public static Wavelet Get(WaveletName name) =>
        Cache.TryGetValue(name, out var wavelet)
            ? wavelet
            : throw new ArgumentOutOfRangeException(nameof(name), name, "unknown wavelet");

    /// <summary>Whether <see cref="Parse"/> knows <paramref name="name"/>.</summary>
    public static bool Known(string name) => Cache.Values.Any(w => w.PywtName == name.Trim().ToLowerInvariant());

    /// <summary>Looks a wavelet up by its pywt name ("haar", "db2", "sym4", "bior2.4").</summary>
    public static Wavelet Parse(string name)
    {
        var key = name.Trim().ToLowerInvariant();
        foreach (var wavelet in Cache.Values)
            if (wavelet.PywtName == key) return wavelet;
        var known = string.Join(", ", Cache.Values.Select(w => w.PywtName));
        throw new WorkbenchException($"wavelet: expected one of {known}, got '{name}'.");
    }

    /// <summary>pywt.dwt_max_level: the largest L with (Length - 1) * 2^L &lt;= signalLength.</summary>
    public int MaxLevel(int signalLength)
    {
        var level = 0;
        while ((long)(Length - 1) << (level + 1) <= signalLength) level++;
        return level;
    }

    public override string ToString() => PywtName;
}
