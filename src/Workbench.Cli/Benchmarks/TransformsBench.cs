using System.CommandLine;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Workbench.Cli.Hosting;
using Workbench.Core.Benchmarks;
using Workbench.Sparse.Benchmarks;
using Workbench.Spectral.Benchmarks;
using Workbench.Spectral.Wavelets;

namespace Workbench.Cli.Benchmarks;

/// <summary>
/// Dense transforms: the span FWHT (float32/float64, one and all threads) against a plain C reference compiled in
/// the same run (experiments/bench/fwht_c_reference.sh, needs gcc).
/// </summary>
public static class TransformsBench
{
    private static readonly Option<int[]> Sizes = new("--log2-sizes")
    {
        Description = "FWHT sizes as powers of two.", DefaultValueFactory = _ => [10, 16, 20, 24], AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<long[]> FieldShape = new("--field-shape")
    {
        Description = "Tensor shape for the DCT and tensor-WHT timings.", DefaultValueFactory = _ => [8, 64, 256, 256], AllowMultipleArgumentsPerToken = true,
    };

    private static readonly Option<int> Repeats = new("--repeats") { Description = "Timed repetitions per tensor transform (median).", DefaultValueFactory = _ => 3 };

    public static BenchSuite Suite { get; } = new("transforms",
        "Dense FWHT ns/element vs a C reference; 2-D DCT and tensor WHT times; DWT forward+inverse vs pywt.",
        [Sizes, FieldShape, Repeats], Run);

    private static BenchReport Run(ParseResult parse, CliContext ctx)
    {
        var sizes = parse.GetValue(Sizes)!;
        var peer = CReference(ctx.Error);
        var results = new List<BenchResult>();
        foreach (var t in WalshHadamardBenchmark.Measure(sizes))
        {
            double? peerValue = t is { Precision: "float32", Threads: 1 } && peer.TryGetValue(t.Log2Size, out var c) ? c : null;
            results.Add(new BenchResult("fwht", new Dictionary<string, object> { ["n"] = $"2^{t.Log2Size}", ["dtype"] = t.Precision, ["threads"] = t.Threads },
                t.NsPerElement, "ns/element", peerValue is null ? null : "c-reference -O3 -march=native", peerValue));
        }
        var shape = parse.GetValue(FieldShape)!;
        var repeats = parse.GetValue(Repeats);
        results.Add(TransformBenchmarks.Dct2DForwardInverse(shape, repeats, ctx.Device));
        results.Add(TransformBenchmarks.WalshHadamardForwardInverse(shape, repeats, ctx.Device));
        results.AddRange(Wavelets(shape, repeats, ctx));
        return new BenchReport("transforms", ctx.Device.ToString(), Environment.ProcessorCount, results);
    }

    /// <summary>DWT forward + inverse (3 levels) for each default wavelet and mode, against pywt on the same shape.</summary>
    private static IEnumerable<BenchResult> Wavelets(long[] shape, int repeats, CliContext ctx)
    {
        var peers = RepositoryPaths.Find("experiments/bench/dwt_pywt.py") is { } script
            ? PythonPeer.RunAll(script, ["--shape", string.Join(',', shape), "--repeats", repeats.ToString()], ctx.Error)
            : [];
        using var x = DwtBenchmark.Input(shape, ctx.Seed, ctx.Device);
        foreach (var (wavelet, mode) in DwtBenchmark.DefaultConfigurations)
        {
            var timing = DwtBenchmark.Measure(x, Wavelet.Get(wavelet), mode, DwtBenchmark.DefaultLevels, repeats);
            var peer = peers.FirstOrDefault(p =>
                (string?)p["params"]?["wavelet"] == (string)timing.Params["wavelet"] && (string?)p["params"]?["mode"] == (string)timing.Params["mode"]);
            yield return timing with { Peer = (string?)peer?["peer"], PeerValue = peer?["value"]?.GetValue<double>() };
        }
    }

    private static readonly Regex ReferenceLine = new("\"log2n\": (\\d+), \"ns_per_element\": ([0-9.]+)");

    private static Dictionary<int, double> CReference(TextWriter log)
    {
        var script = RepositoryPaths.Find("experiments/bench/fwht_c_reference.sh");
        var result = new Dictionary<int, double>();
        if (script is null) return result;
        var start = new ProcessStartInfo("/bin/sh", [script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            using var process = Process.Start(start)!;
            var lines = process.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            process.WaitForExit();
            if (process.ExitCode != 0) return result;
            // The reference also prints a checksum that may be nan: read only the two fields needed.
            foreach (var line in lines)
                if (ReferenceLine.Match(line) is { Success: true } m)
                    result[int.Parse(m.Groups[1].Value)] = double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.WriteLine($"C reference unavailable: {e.Message}");
        }
        return result;
    }
}
