using Workbench.Core.Benchmarks;
using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;
using Workbench.Spectral.Wavelets;

namespace Workbench.Spectral.Benchmarks;

/// <summary>
/// Times a multi-level 2-D decomposition plus reconstruction on a float32 batch, the workload
/// experiments/bench/dwt_pywt.py times for pywt.wavedec2 + waverec2 on the same shape.
/// </summary>
public static class DwtBenchmark
{
    public const string Name = "dwt2_forward_inverse";
    public const int DefaultLevels = 3;

    public static readonly long[] DefaultShape = [8, 64, 256, 256];

    public static readonly IReadOnlyList<(WaveletName Wavelet, ExtensionMode Mode)> DefaultConfigurations =
    [
        (WaveletName.Db2, ExtensionMode.Reflect),
        (WaveletName.Db2, ExtensionMode.Periodization),
        (WaveletName.Bior24, ExtensionMode.Reflect),
        (WaveletName.Bior24, ExtensionMode.Periodization),
    ];

    /// <summary>The benchmark's input: standard normal float32 from a generator of its own.</summary>
    public static Tensor Input(long[] shape, long seed, Device? device = null) =>
        randn(shape, dtype: ScalarType.Float32, generator: new Generator((ulong)seed))
            .to(device ?? CPU);

    /// <summary>Every default configuration on the default shape.</summary>
    public static IReadOnlyList<BenchResult> RunDefaults(Device? device = null, int repeats = 3, long seed = 0)
    {
        using var x = Input(DefaultShape, seed, device);
        return DefaultConfigurations
            .Select(c => Measure(x, Wavelet.Get(c.Wavelet), c.Mode, DefaultLevels, repeats))
            .ToList();
    }

    /// <summary>
    /// Best wall time in ms of Decompose + Reconstruct over <paramref name="repeats"/> runs after one warm-up (the minimum
    /// is the statistic least disturbed by other work on a shared machine).
    /// </summary>
    public static BenchResult Measure(Tensor x, Wavelet wavelet, ExtensionMode mode, int levels, int repeats)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        var times = new double[repeats];
        using (no_grad())
        {
            RunOnce(x, wavelet, mode, levels);
            for (var i = 0; i < repeats; i++)
            {
                var clock = Stopwatch.StartNew();
                RunOnce(x, wavelet, mode, levels);
                times[i] = clock.Elapsed.TotalMilliseconds;
            }
        }

        var parameters = new Dictionary<string, object>
        {
            ["wavelet"] = wavelet.PywtName,
            ["mode"] = mode.PywtName(),
            ["levels"] = levels,
            ["shape"] = string.Join("x", x.shape),
            ["dtype"] = "float32",
            ["device"] = x.device.ToString(),
            ["threads"] = get_num_threads(),
            ["repeats"] = repeats,
        };
        return new BenchResult(Name, parameters, times.Min(), "ms");
    }

    private static void RunOnce(Tensor x, Wavelet wavelet, ExtensionMode mode, int levels)
    {
        using var scope = NewDisposeScope();
        var y = Dwt2D.Reconstruct(Dwt2D.Decompose(x, wavelet, levels, mode));
        if (y.device_type == DeviceType.CUDA) cuda.synchronize();
    }
}
