using Workbench.Core.Benchmarks;
using System.Diagnostics;
using TorchSharp;
using Workbench.Core.Errors;
using Workbench.Spectral.Cosine;
using Workbench.Spectral.Hadamard;
using static TorchSharp.torch;

namespace Workbench.Spectral.Benchmarks;

/// <summary>
/// Timings of the tensor transforms for <c>workbench bench transforms</c>: median wall time of a forward plus inverse
/// pass over a float32 tensor (default 8 x 64 x 256 x 256) after one untimed warm-up, data drawn from a fixed seed.
/// </summary>
public static class TransformBenchmarks
{
    public static readonly long[] DefaultShape = { 8, 64, 256, 256 };

    /// <summary>Orthonormal DCT-II over the last two dims followed by its inverse.</summary>
    public static BenchResult Dct2DForwardInverse(long[]? shape = null, int repeats = 5, Device? device = null) =>
        Measure("dct2d_forward_inverse", shape ?? DefaultShape, repeats, device ?? CPU, x => Dct.Inverse2(Dct.Forward2(x)));

    /// <summary>Orthonormal Walsh-Hadamard transform along the last dim followed by its inverse.</summary>
    public static BenchResult WalshHadamardForwardInverse(long[]? shape = null, int repeats = 5, Device? device = null) =>
        Measure("wht_forward_inverse", shape ?? DefaultShape, repeats, device ?? CPU,
            x => WalshHadamard.Inverse(WalshHadamard.Transform(x, orthonormal: true), orthonormal: true));

    private static BenchResult Measure(string name, long[] shape, int repeats, Device device, Func<Tensor, Tensor> pass)
    {
        if (repeats < 1) throw new WorkbenchException($"benchmark {name}: expected at least one repeat, got {repeats}.");
        using var generator = new Generator(0);
        using var x = randn(shape, ScalarType.Float32, generator: generator).to(device);
        var times = new double[repeats];
        using (no_grad())
        {
            for (var i = -1; i < repeats; i++)
            {
                using var scope = NewDisposeScope();
                Synchronize(device);
                var clock = Stopwatch.StartNew();
                pass(x);
                Synchronize(device);
                if (i >= 0) times[i] = clock.Elapsed.TotalMilliseconds;
            }
        }
        Array.Sort(times);
        var parameters = new Dictionary<string, object>
        {
            ["shape"] = string.Join("x", shape),
            ["dtype"] = "float32",
            ["device"] = device.ToString(),
            ["threads"] = get_num_threads(),
            ["repeats"] = repeats,
        };
        return new BenchResult(name, parameters, times[repeats / 2], "ms");
    }

    private static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA) cuda.synchronize(device);
    }
}
